package ai.revo.missioncontrol.voice.web;

import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorCode;
import ai.revo.missioncontrol.voice.VoiceWebhooks;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Vapi's server URL for a site: no account, the site's secret or Vapi's HMAC signature is the authentication. */
@RestController
@Tag(name = "Voice")
class VapiWebhookController {

    private final VoiceWebhooks webhooks;

    VapiWebhookController(VoiceWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping("/api/v1/webhooks/voice/vapi/{siteKey}")
    @Operation(
            summary = "Receive a Vapi server message for a site (authenticated by the site's secret, no account)",
            description = "X-Vapi-Secret (the site's secret) or Vapi's HMAC credential (x-signature: HMAC-SHA256 of "
                    + "<x-timestamp>.<body> keyed by the site's secret, x-timestamp within 5 min), checked on the raw "
                    + "body; 401 otherwise. assistant-request answers {assistantId, assistantOverrides: "
                    + "{variableValues}} or {error}; tool-calls answers {results: [{toolCallId, result}]}; other "
                    + "messages answer {}.")
    JsonNode receive(@PathVariable String siteKey, HttpServletRequest request) throws IOException {
        // read at most one byte past the limit: an unauthenticated caller must not make the node buffer a body of
        // any size before the credential is checked
        int limit = webhooks.maxBodyBytes();
        if (request.getContentLengthLong() > limit) {
            throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "The body is larger than " + limit + " bytes");
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(limit + 1);
        }
        Map<String, String> headers = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.putIfAbsent(name.toLowerCase(Locale.ROOT), request.getHeader(name));
        }
        return webhooks.receive(siteKey, headers, body);
    }
}
