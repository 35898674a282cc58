package ai.revo.missioncontrol.sms.web;

import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorCode;
import ai.revo.missioncontrol.sms.SmsWebhook;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's webhook for a workspace's SMS: public (no sign-in), authenticated by the key in the URL and the
 * {@code X-Twilio-Signature} of every request.
 */
@RestController
@Tag(name = "SMS webhook")
class SmsWebhookController {

    static final int MAX_BODY = 64 * 1024;
    static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    private final SmsWebhook webhook;
    private final String publicUrl;

    SmsWebhookController(SmsWebhook webhook, @Value("${mc.public-url:http://localhost:8080}") String publicUrl) {
        this.webhook = webhook;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @PostMapping("/api/v1/webhooks/sms/twilio/{key}")
    @Operation(
            summary = "A Twilio status callback or incoming SMS (form-encoded): verified by X-Twilio-Signature,"
                    + " stored once per MessageSid and status, then processed in the background",
            description = "The signature (Base64 HMAC-SHA1 with the workspace's auth token over the full URL and the"
                    + " POST parameters sorted by name) is checked before anything is stored: unknown key, missing"
                    + " or wrong signature → 403, nothing stored. Bodies over 64 KB → 413. Answers an empty TwiML"
                    + " response.")
    ResponseEntity<String> receive(
            @PathVariable String key,
            HttpServletRequest request,
            @RequestHeader(name = "X-Twilio-Signature", required = false) String signature)
            throws IOException {
        if (request.getContentLengthLong() > MAX_BODY) {
            throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "A webhook body may be at most 64 KB");
        }
        byte[] raw;
        try (InputStream in = request.getInputStream()) {
            raw = in.readNBytes(MAX_BODY + 1);
        }
        if (raw.length > MAX_BODY) {
            throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "A webhook body may be at most 64 KB");
        }
        Map<String, List<String>> params = raw.length == 0 ? parameters(request) : form(raw);
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        List<String> urls = List.of(publicUrl + request.getRequestURI() + query, request.getRequestURL() + query);
        return switch (webhook.receive(key, urls, params, signature)) {
            case BAD_SIGNATURE ->
                throw ApiException.forbidden(
                        "X-Twilio-Signature is missing or does not match this webhook's Twilio account");
            case NOT_A_MESSAGE -> throw ApiException.invalidField("MessageSid", "is required, for this account");
            case STORED, DUPLICATE ->
                ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(EMPTY_TWIML);
        };
    }

    /** The form's parameters as sent, decoded, in order. */
    static Map<String, List<String>> form(byte[] raw) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String pair : new String(raw, StandardCharsets.UTF_8).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    /** A body the container already read as parameters (a filter asked for one): the same parameters. */
    private static Map<String, List<String>> parameters(HttpServletRequest request) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> params.put(k, new ArrayList<>(Arrays.asList(v))));
        return params;
    }
}
