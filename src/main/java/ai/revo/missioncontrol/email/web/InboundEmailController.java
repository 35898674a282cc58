package ai.revo.missioncontrol.email.web;

import ai.revo.missioncontrol.email.InboundEmail;
import ai.revo.missioncontrol.email.InboundMailbox;
import ai.revo.missioncontrol.email.ResendInbound;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Inbound email: the workspace's setting (ADMIN) and Postmark's inbound webhook (no account: the URL's key and its
 * HTTP Basic credential authenticate it).
 */
@RestController
@Tag(name = "Inbound email")
class InboundEmailController {

    private final InboundEmail inbound;
    private final ResendInbound resend;
    private final InboundMailbox mailbox;

    InboundEmailController(InboundEmail inbound, ResendInbound resend, InboundMailbox mailbox) {
        this.inbound = inbound;
        this.resend = resend;
        this.mailbox = mailbox;
    }

    @GetMapping("/api/v1/emails/inbound")
    @Operation(
            summary = "Received mail, newest first: what each inbound message became",
            description = "status: PROCESSED (threaded to one of the workspace's emails, emailId, and recorded as its "
                    + "reply), IGNORED (answers none of them: the unmatched mail), FAILED (unreadable, with error) or "
                    + "RECEIVED (still queued). Every role reads it, as it reads emails.")
    PageResult<InboundMailbox.MessageView> received(
            CurrentUser user,
            @RequestParam(required = false) InboundMailbox.Status status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return mailbox.list(user.tenantId(), status, new PageQuery(page, limit));
    }

    @GetMapping("/api/v1/settings/email/inbound")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(
            summary = "The workspace's inbound email setting {connected, provider, webhookUrl, username, "
                    + "passwordLastFour, connectedAt, rotatedAt}; never the password")
    InboundEmail.SettingsView settings(CurrentUser user) {
        return inbound.settings(user.tenantId());
    }

    @PostMapping("/api/v1/settings/email/inbound/postmark")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(
            summary = "Turn Postmark inbound on, or replace its credential (the old password stops at once)",
            description = "Answers {provider, webhookUrl, webhookUrlWithCredentials, username, password, "
                    + "passwordLastFour}: paste webhookUrlWithCredentials into the Postmark server's inbound webhook. "
                    + "The password is shown this once; only its SHA-256 is kept. Audited without the password.")
    InboundEmail.Credentials connectPostmark(CurrentUser user) {
        return inbound.connectPostmark(user.tenantId(), user.actor());
    }

    @DeleteMapping("/api/v1/settings/email/inbound")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Turn inbound email off: the webhook URL answers 403 from now on (audited)")
    ResponseEntity<Void> disconnect(CurrentUser user) {
        inbound.disconnect(user.tenantId(), user.actor());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/webhooks/email/postmark/{key}")
    @Operation(
            summary = "Postmark's inbound webhook (HTTP Basic credential of the workspace's inbound setting)",
            description = "The credential is checked in constant time before the body is read: missing or wrong is "
                    + "403 and nothing is stored (Postmark stops retrying on 403). Postmark's inbound JSON is stored "
                    + "raw once per MessageID and answered 200 at once; threading and recording the reply run as "
                    + "durable background work. Over 10 MB: 413; not JSON or no MessageID: 400; a failure to store: "
                    + "5xx (Postmark retries).")
    ResponseEntity<Map<String, Object>> postmark(
            @PathVariable String key,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            HttpServletRequest request)
            throws IOException {
        InboundEmail.Receipt receipt =
                inbound.receivePostmark(key, authorization, request.getContentLengthLong(), request::getInputStream);
        return ResponseEntity.status(HttpStatus.OK)
                .body(Map.of("id", receipt.inboundId().toString(), "received", true, "duplicate", receipt.duplicate()));
    }

    @PostMapping("/api/v1/webhooks/email/postmark/{key}/events")
    @Operation(
            summary = "Postmark's Bounce, SpamComplaint and Delivery webhooks (the inbound setting's Basic credential)",
            description = "Checked like the inbound webhook: a missing or wrong credential is 403 and nothing is "
                    + "stored. Stored once per Postmark event (Bounce/SpamComplaint ID) and answered 200 at once; "
                    + "durable work maps it onto the email: a hard bounce (HardBounce, BadEmailAddress, "
                    + "ManuallyDeactivated) marks it BOUNCED and suppresses the address (BOUNCED), other bounce types "
                    + "are recorded only, a spam complaint suppresses the address (COMPLAINED), a delivery sets "
                    + "deliveredAt. Other record types are acknowledged and ignored.")
    ResponseEntity<Map<String, Object>> postmarkEvents(
            @PathVariable String key,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            HttpServletRequest request)
            throws IOException {
        InboundEmail.EventReceipt receipt = inbound.receivePostmarkEvent(
                key, authorization, request.getContentLengthLong(), request::getInputStream);
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("recordType", receipt.recordType());
        body.put("received", true);
        body.put("ignored", receipt.ignored());
        body.put("duplicate", receipt.duplicate());
        if (receipt.eventId() != null) {
            body.put("id", receipt.eventId().toString());
        }
        return ResponseEntity.ok(body);
    }

    @GetMapping("/api/v1/settings/email/inbound/resend")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(
            summary = "The workspace's Resend webhook setting {connected, webhookUrl, webhookSecretLastFour, "
                    + "apiKeyLastFour, connectedAt, updatedAt}; never the secret or the key")
    ResendInbound.SettingsView resendSettings(CurrentUser user) {
        return resend.settings(user.tenantId());
    }

    @PutMapping("/api/v1/settings/email/inbound/resend")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(
            summary = "Connect Resend {webhookSecret, apiKey}, or replace either (a value left out is kept)",
            description = "webhookSecret is the signing secret Resend shows for the webhook (whsec_...); apiKey is "
                    + "the key received emails are fetched with. Both are kept encrypted and answered only as their "
                    + "last four characters. Point the Resend webhook (events email.received) at webhookUrl. "
                    + "Audited without the values.")
    ResendInbound.SettingsView configureResend(
            CurrentUser user, @RequestBody(required = false) ResendInbound.Change change) {
        return resend.configure(user.tenantId(), change, user.actor());
    }

    @DeleteMapping("/api/v1/settings/email/inbound/resend")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Disconnect Resend: its webhook URL answers 401 from now on (audited)")
    ResponseEntity<Void> disconnectResend(CurrentUser user) {
        resend.disconnect(user.tenantId(), user.actor());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/webhooks/email/resend/{key}")
    @Operation(
            summary = "Resend's webhook (Svix signature with the workspace's signing secret)",
            description = "svix-id, svix-timestamp (within 5 minutes) and svix-signature (v1,<base64 HMAC-SHA256 of "
                    + "id.timestamp.body>, several space-separated) are checked on the raw body before it is read as "
                    + "JSON: missing, stale or wrong is 401 and nothing is stored. email.received is stored once per "
                    + "Resend email id and answered 200 at once; the message is fetched from Resend's API and "
                    + "threaded as durable background work. Other event types are acknowledged and ignored. Over "
                    + "1 MB: 413; not JSON: 400; a failure to store: 5xx (Resend retries).")
    ResponseEntity<Map<String, Object>> resendWebhook(
            @PathVariable String key,
            @RequestHeader(name = "svix-id", required = false) String svixId,
            @RequestHeader(name = "svix-timestamp", required = false) String svixTimestamp,
            @RequestHeader(name = "svix-signature", required = false) String svixSignature,
            HttpServletRequest request)
            throws IOException {
        ResendInbound.Verified verified = resend.verify(
                key,
                new ResendInbound.SvixHeaders(svixId, svixTimestamp, svixSignature),
                request.getContentLengthLong(),
                request::getInputStream);
        ResendInbound.Receipt receipt = resend.receive(verified);
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", receipt.type());
        body.put("received", true);
        body.put("ignored", receipt.ignored());
        body.put("duplicate", receipt.duplicate());
        if (receipt.inboundId() != null) {
            body.put("id", receipt.inboundId().toString());
        }
        return ResponseEntity.ok(body);
    }
}
