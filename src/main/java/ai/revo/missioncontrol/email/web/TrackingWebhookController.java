package ai.revo.missioncontrol.email.web;

import ai.revo.missioncontrol.email.EmailTracking;
import ai.revo.missioncontrol.email.EmailWebhooks;
import ai.revo.missioncontrol.email.TrackingToken;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorCode;
import ai.revo.missioncontrol.platform.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public endpoints that recipients' mail clients and the mail provider call: no sign-in, each authenticated by
 * its own signature (a signed token in the link, or X-MC-Signature for provider webhooks).
 */
@RestController
@RequestMapping("/api/v1/webhooks/email")
@Tag(name = "Email tracking webhooks")
class TrackingWebhookController {

    private static final Logger log = LoggerFactory.getLogger(TrackingWebhookController.class);
    private static final byte[] GIF =
            Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private final EmailTracking tracking;
    private final EmailWebhooks webhooks;

    TrackingWebhookController(EmailTracking tracking, EmailWebhooks webhooks) {
        this.tracking = tracking;
        this.webhooks = webhooks;
    }

    @GetMapping("/open-pixel")
    @Operation(
            summary = "The open-tracking pixel: always a 1x1 GIF, never cached",
            description = "Records an open when the token is genuine and names an email of its workspace; a bad "
                    + "token, an unknown email or an error still answer the GIF.")
    ResponseEntity<byte[]> pixel(
            @RequestParam(name = "t", required = false) String token,
            @RequestHeader(name = HttpHeaders.USER_AGENT, required = false) String userAgent) {
        try {
            tracking.readToken(token, TrackingToken.Purpose.OPEN)
                    .ifPresent(t -> TenantContext.callAs(
                            t.tenant().value(),
                            () -> tracking.recordOpen(t.tenant(), t.emailId(), "PIXEL", userAgent)));
        } catch (RuntimeException e) {
            log.warn("Open pixel could not record an open: {}", e.toString());
        }
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore().mustRevalidate())
                .header(HttpHeaders.PRAGMA, "no-cache")
                .header(HttpHeaders.EXPIRES, "0")
                .contentType(MediaType.IMAGE_GIF)
                .body(GIF);
    }

    @GetMapping("/click")
    @Operation(
            summary = "Signed click redirect: records the click and answers 302 to the URL signed in the token",
            description = "A forged or altered token is 400 and redirects nowhere.")
    ResponseEntity<Void> click(
            @RequestParam(name = "t", required = false) String token,
            @RequestHeader(name = HttpHeaders.USER_AGENT, required = false) String userAgent) {
        TrackingToken t = tracking.readToken(token, TrackingToken.Purpose.CLICK)
                .orElseThrow(() -> ApiException.invalidField("t", "is not a valid tracking link"));
        EmailTracking.Click click;
        try {
            click = TenantContext.callAs(
                    t.tenant().value(), () -> tracking.recordClick(t.tenant(), t.emailId(), t.url(), userAgent));
        } catch (RuntimeException e) {
            // fail closed: a redirect is only answered for a link we could check
            log.warn("Click redirect could not be checked: {}", e.toString());
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "This link cannot be followed right now; try again");
        }
        switch (click) {
            case UNKNOWN_EMAIL -> throw ApiException.notFound("Email", t.emailId());
            case EXPIRED -> throw new ApiException(ErrorCode.NOT_FOUND, "This link has expired");
            case NOT_IN_EMAIL ->
                throw new ApiException(ErrorCode.NOT_FOUND, "This link is not one of the email's links");
            case RECORDED -> {
                // the reader goes on to the link
            }
        }
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(URI.create(t.url()))
                .cacheControl(CacheControl.noStore())
                .build();
    }

    @PostMapping("/open")
    @Operation(
            summary = "Provider webhook: an email was opened {emailId or messageId}",
            description = "Header X-MC-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of t.rawBody> with the "
                    + "workspace's webhook secret. Stale (over 5 minutes), replayed or wrong: 401, nothing recorded.")
    ResponseEntity<Map<String, Object>> open(
            @RequestHeader(name = "X-MC-Signature", required = false) String signature,
            jakarta.servlet.http.HttpServletRequest request)
            throws java.io.IOException {
        return accepted(webhooks.receive(EmailWebhooks.Kind.OPEN, signature, boundedBody(signature, request)));
    }

    @PostMapping("/reply")
    @Operation(
            summary = "Provider webhook: a reply {emailId or messageId, replySubject, replyBody}",
            description = "Signed like /open. Moves the lead to REPLIED and blocks its queued emails in that campaign.")
    ResponseEntity<Map<String, Object>> reply(
            @RequestHeader(name = "X-MC-Signature", required = false) String signature,
            jakarta.servlet.http.HttpServletRequest request)
            throws java.io.IOException {
        return accepted(webhooks.receive(EmailWebhooks.Kind.REPLY, signature, boundedBody(signature, request)));
    }

    @PostMapping("/bounce")
    @Operation(
            summary = "Provider webhook: a bounce {emailId or messageId, permanent, reason}",
            description = "Signed like /open. Permanent: the email BOUNCED and the address suppressed (BOUNCED); "
                    + "transient: recorded only.")
    ResponseEntity<Map<String, Object>> bounce(
            @RequestHeader(name = "X-MC-Signature", required = false) String signature,
            jakarta.servlet.http.HttpServletRequest request)
            throws java.io.IOException {
        return accepted(webhooks.receive(EmailWebhooks.Kind.BOUNCE, signature, boundedBody(signature, request)));
    }

    /**
     * The raw body, read only when a signature header is present and never more than the webhook limit plus one
     * byte (an unauthenticated caller cannot make the node buffer an unbounded body); the limit check itself is
     * the webhook's.
     */
    private static byte[] boundedBody(String signature, jakarta.servlet.http.HttpServletRequest request)
            throws java.io.IOException {
        if (signature == null || signature.isBlank()) {
            return new byte[0];
        }
        if (request.getContentLengthLong() > EmailWebhooks.MAX_BODY) {
            throw new ApiException(
                    ai.revo.missioncontrol.platform.ErrorCode.PAYLOAD_TOO_LARGE,
                    "The webhook body is larger than " + EmailWebhooks.MAX_BODY + " bytes");
        }
        try (java.io.InputStream in = request.getInputStream()) {
            return in.readNBytes(EmailWebhooks.MAX_BODY + 1);
        }
    }

    private static ResponseEntity<Map<String, Object>> accepted(UUID emailId) {
        return ResponseEntity.ok(Map.of(
                "emailId", Optional.ofNullable(emailId).map(UUID::toString).orElse(""), "recorded", true));
    }
}
