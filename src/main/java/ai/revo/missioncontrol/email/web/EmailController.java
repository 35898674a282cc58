package ai.revo.missioncontrol.email.web;

import ai.revo.missioncontrol.email.EmailDetail;
import ai.revo.missioncontrol.email.EmailSending;
import ai.revo.missioncontrol.email.EmailStatus;
import ai.revo.missioncontrol.email.EmailView;
import ai.revo.missioncontrol.email.Emails;
import ai.revo.missioncontrol.email.UncertainEmails;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorCode;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/emails")
@Tag(name = "Emails")
class EmailController {

    private static final int MAX_REQUEST_BYTES = 1024 * 1024;

    private final EmailSending sending;
    private final Emails emails;
    private final UncertainEmails uncertain;
    private final ObjectMapper json;

    EmailController(EmailSending sending, Emails emails, UncertainEmails uncertain, ObjectMapper json) {
        this.sending = sending;
        this.emails = emails;
        this.uncertain = uncertain;
        this.json = json;
    }

    @PostMapping("/{id}/send-for-real")
    @org.springframework.security.access.prepost.PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR', 'CLOSER')")
    @Operation(
            summary = "Send for real, once, an email that was SIMULATED in dry run: 202 with the new queued email",
            description = "Same sender, recipient and content, through the pipeline (switches, suppression and limits "
                    + "apply); the new email's realSendOf names the simulated one. 409 while dry run is on, for an email "
                    + "that was not simulated, or one already sent for real (details.emailId names it).")
    ResponseEntity<ai.revo.missioncontrol.email.EmailView> sendForReal(
            CurrentUser user, @org.springframework.web.bind.annotation.PathVariable java.util.UUID id) {
        return ResponseEntity.status(202).body(sending.sendForReal(user.tenantId(), id, user.actor()));
    }

    @PostMapping("/send")
    @org.springframework.security.access.prepost.PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR', 'CLOSER')")
    @Operation(
            summary = "Queue a composer draft for sending: 202 {id, status: PENDING_SEND, createdAt}",
            description = "Body {draftId, fromEmail?, toEmail}; the Idempotency-Key header is required. The same key "
                    + "and body answer the first response again; the same key with another body is 409 "
                    + "IDEMPOTENCY_CONFLICT; keys are kept 24 hours. 404 unknown draft, 422 UNPROCESSABLE for a draft "
                    + "without subject or body, 413 PAYLOAD_TOO_LARGE over 1 MB.")
    ResponseEntity<JsonNode> send(
            CurrentUser user,
            @RequestHeader(value = "Idempotency-Key", required = false) String key,
            HttpServletRequest request)
            throws IOException {
        if (key == null || key.isBlank()) {
            throw ApiException.invalidField("Idempotency-Key", "header is required");
        }
        JsonNode body = body(request);
        EmailSending.Answer answer = sending.send(
                user.tenantId(),
                key.trim(),
                uuid(body, "draftId"),
                text(body, "fromEmail"),
                text(body, "toEmail"),
                user.actor());
        return ResponseEntity.status(answer.status()).body(answer.body());
    }

    @GetMapping
    @Operation(summary = "Emails, newest first; filters status (FAILED is the dead-letter list), campaignId, q")
    PageResult<EmailView> list(
            CurrentUser user,
            @RequestParam(required = false) EmailStatus status,
            @RequestParam(required = false) UUID campaignId,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return emails.list(user.tenantId(), status, campaignId, q, new PageQuery(page, limit));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One email with its status history and every delivery attempt (with the SMTP reply)")
    EmailDetail get(CurrentUser user, @PathVariable UUID id) {
        return emails.detail(user.tenantId(), id);
    }

    @PostMapping("/{id}/mark-sent")
    @org.springframework.security.access.prepost.PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    @Operation(
            summary = "State that an UNKNOWN email did arrive: it becomes SENT (audited, email.marked_sent)",
            description = "For an email whose attempt started its SMTP conversation and never recorded an outcome. "
                    + "404 unknown email; 409 CONFLICT when the email is not UNKNOWN.")
    EmailDetail markSent(CurrentUser user, @PathVariable UUID id) {
        uncertain.markSent(user.tenantId(), id, user.actor());
        return emails.detail(user.tenantId(), id);
    }

    @PostMapping("/{id}/send-again")
    @org.springframework.security.access.prepost.PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    @Operation(
            summary = "Send an UNKNOWN email again: queued for its next attempt (audited, email.sent_again)",
            description = "The next attempt passes the send window, the caps and the outbound gateway like any other "
                    + "and keeps the Message-ID. 404 unknown email; 409 CONFLICT when the email is not UNKNOWN.")
    EmailDetail sendAgain(CurrentUser user, @PathVariable UUID id) {
        uncertain.sendAgain(user.tenantId(), id, user.actor());
        return emails.detail(user.tenantId(), id);
    }

    private JsonNode body(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_REQUEST_BYTES) {
            throw tooLarge();
        }
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes(MAX_REQUEST_BYTES + 1);
        }
        if (bytes.length > MAX_REQUEST_BYTES) {
            throw tooLarge();
        }
        if (bytes.length == 0) {
            throw ApiException.invalidField("body", "is required");
        }
        try {
            JsonNode node = json.readTree(new String(bytes, StandardCharsets.UTF_8));
            if (node == null || !node.isObject()) {
                throw ApiException.invalidField("body", "must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ApiException.invalidField("body", "is not valid JSON");
        }
    }

    private static ApiException tooLarge() {
        return new ApiException(
                ErrorCode.PAYLOAD_TOO_LARGE, "The request is larger than 1 MB", Map.of("limit", MAX_REQUEST_BYTES));
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw ApiException.invalidField(field, "must be a string");
        }
        return v.asText();
    }

    private static UUID uuid(JsonNode body, String field) {
        String v = text(body, field);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(v.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField(field, "must be a UUID");
        }
    }
}
