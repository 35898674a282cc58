package ai.revo.missioncontrol.whatsapp.web;

import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorCode;
import ai.revo.missioncontrol.whatsapp.WhatsAppWebhook;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Meta's WhatsApp webhook: public (no sign-in), authenticated by the verify token (subscription) and by the
 * {@code X-Hub-Signature-256} of every delivery.
 */
@RestController
@RequestMapping("/api/v1/webhooks/whatsapp")
@Tag(name = "WhatsApp webhook")
class WhatsAppWebhookController {

    static final int MAX_BODY = 1024 * 1024;

    private final WhatsAppWebhook webhook;

    WhatsAppWebhookController(WhatsAppWebhook webhook) {
        this.webhook = webhook;
    }

    @GetMapping
    @Operation(
            summary = "Meta's subscription handshake: answers hub.challenge (text/plain) when hub.verify_token is a"
                    + " connected workspace's",
            description = "403 for a wrong token; 400 when hub.mode, hub.verify_token or hub.challenge is missing or"
                    + " hub.mode is not subscribe.")
    ResponseEntity<String> verify(
            @RequestParam(name = "hub.mode", required = false) String mode,
            @RequestParam(name = "hub.verify_token", required = false) String token,
            @RequestParam(name = "hub.challenge", required = false) String challenge) {
        if (mode == null || token == null || token.isBlank() || challenge == null || challenge.isBlank()) {
            throw ApiException.invalidField("hub", "hub.mode, hub.verify_token and hub.challenge are required");
        }
        if (!"subscribe".equals(mode)) {
            throw ApiException.invalidField("hub.mode", "must be subscribe");
        }
        if (!webhook.verifyTokenMatches(token)) {
            throw ApiException.forbidden("The verify token is not a connected WhatsApp number's");
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(challenge);
    }

    @PostMapping
    @Operation(
            summary = "A webhook delivery from Meta: verified by X-Hub-Signature-256, stored, then processed in the"
                    + " background",
            description = "The HMAC-SHA256 of the raw body with the number's app secret is checked (constant time)"
                    + " before anything is parsed or stored: missing, malformed or wrong → 403, nothing stored. Bodies"
                    + " over 1 MB → 413. The workspace is the one whose number is metadata.phone_number_id.")
    ResponseEntity<String> receive(
            HttpServletRequest request, @RequestHeader(name = "X-Hub-Signature-256", required = false) String signature)
            throws IOException {
        if (request.getContentLengthLong() > MAX_BODY) {
            throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "A webhook body may be at most 1 MB");
        }
        byte[] raw;
        try (InputStream in = request.getInputStream()) {
            raw = in.readNBytes(MAX_BODY + 1);
        }
        if (raw.length > MAX_BODY) {
            throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "A webhook body may be at most 1 MB");
        }
        return switch (webhook.receive(raw, signature)) {
            case BAD_SIGNATURE ->
                throw ApiException.forbidden(
                        "X-Hub-Signature-256 is missing, malformed or does not match a connected number's app secret");
            case NOT_JSON -> throw ApiException.invalidField("body", "is not JSON");
            case STORED, NOTHING_FOR_US ->
                ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("EVENT_RECEIVED");
        };
    }
}
