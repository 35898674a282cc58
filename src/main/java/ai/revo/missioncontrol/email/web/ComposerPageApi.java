package ai.revo.missioncontrol.email.web;

import ai.revo.missioncontrol.ai.AiAssistant;
import ai.revo.missioncontrol.ai.LlmException;
import ai.revo.missioncontrol.ai.ScoreSuggestion;
import ai.revo.missioncontrol.ai.Suggestion;
import ai.revo.missioncontrol.email.ComposerDraftView;
import ai.revo.missioncontrol.email.ComposerDrafts;
import ai.revo.missioncontrol.email.EmailTemplates;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.ErrorBody;
import ai.revo.missioncontrol.platform.ErrorCode;
import ai.revo.missioncontrol.platform.RequestId;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The composer page's JSON calls, with the dashboard session and its CSRF token (the /api/v1 chain takes bearer
 * tokens only). Each delegates to the same facade as the API; Send is forwarded to {@code POST /api/v1/emails/send}
 * inside the server, so its rules (idempotency key, validation, roles) are the API's own.
 */
@RestController
@RequestMapping("/compose/api")
class ComposerPageApi {

    static final String SEND_ENDPOINT = "/api/v1/emails/send";

    private final ComposerDrafts drafts;
    private final EmailTemplates templates;
    private final AiAssistant assistant;

    ComposerPageApi(ComposerDrafts drafts, EmailTemplates templates, AiAssistant assistant) {
        this.drafts = drafts;
        this.templates = templates;
        this.assistant = assistant;
    }

    record PersonalizeRequest(UUID leadId, String text, String subject, String tone) {}

    record RewriteRequest(String text, String instruction) {}

    record ScoreRequest(String text) {}

    record RenderRequest(UUID leadId, UUID campaignId) {}

    @PostMapping("/draft")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR', 'CLOSER')")
    ComposerDraftView.Saved save(CurrentUser user, @RequestBody ComposerDraftController.DraftRequest r) {
        return drafts.save(user.tenantId(), r.content(), user.actor());
    }

    @PostMapping("/templates/{id}/render")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR', 'CLOSER')")
    EmailTemplates.Rendered render(CurrentUser user, @PathVariable UUID id, @RequestBody RenderRequest r) {
        return templates.render(
                user.tenantId(), id, new EmailTemplates.RenderInput(r.leadId(), r.campaignId(), null), user.id());
    }

    @PostMapping("/ai/personalize")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    Suggestion personalize(CurrentUser user, @RequestBody PersonalizeRequest r) {
        return assistant.personalize(user.tenantId(), null, r.leadId(), r.text(), r.subject(), r.tone());
    }

    @PostMapping("/ai/rewrite")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    Suggestion rewrite(CurrentUser user, @RequestBody RewriteRequest r) {
        return assistant.rewrite(user.tenantId(), null, r.text(), r.instruction());
    }

    @PostMapping("/ai/score")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    ScoreSuggestion score(CurrentUser user, @RequestBody ScoreRequest r) {
        return assistant.score(user.tenantId(), null, r.text());
    }

    /**
     * Hands the request (body and Idempotency-Key header untouched) to the send API of the email pipeline. The
     * session's authentication stays on the request, so the API sees the same user and role.
     */
    @PostMapping("/send")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR', 'CLOSER')")
    void send(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        request.getRequestDispatcher(SEND_ENDPOINT).forward(request, response);
    }

    @ExceptionHandler(LlmException.class)
    ResponseEntity<ErrorBody> failed(LlmException e) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", e.kind().name());
        details.put("retryable", e.retryable());
        return ResponseEntity.status(ErrorCode.SERVICE_UNAVAILABLE.status())
                .body(ErrorBody.of(ErrorCode.SERVICE_UNAVAILABLE, e.getMessage(), details));
    }

    @ExceptionHandler(ComposerDrafts.TooLarge.class)
    ResponseEntity<ErrorBody> tooLarge(ComposerDrafts.TooLarge e) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                .body(new ErrorBody(new ErrorBody.Error(
                        "PAYLOAD_TOO_LARGE",
                        e.getMessage(),
                        Map.of("maxBytes", ComposerDrafts.MAX_BYTES),
                        Instant.now(),
                        RequestId.current())));
    }
}
