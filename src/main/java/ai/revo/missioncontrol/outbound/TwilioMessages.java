package ai.revo.missioncontrol.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Twilio's Programmable Messaging REST API: the base URL is {@code MC_TWILIO_API_URL} (default
 * {@code https://api.twilio.com}) so tests point it at a stand-in. The only HTTP client that talks to Twilio; it sends
 * nothing by itself ({@link TwilioSmsAdapter} sends for the gateway). Calls are slow I/O: never inside a transaction.
 */
@Component
class TwilioMessages {

    private final HttpClient http;
    private final ObjectMapper json;
    private final String base;
    private final Duration timeout;

    TwilioMessages(
            ObjectMapper json,
            @Value("${mc.twilio.api-url:https://api.twilio.com}") String base,
            @Value("${mc.twilio.timeout:10s}") Duration timeout) {
        this.json = json;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * {@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json}, form-encoded, HTTP Basic with the account SID and
     * auth token, as Twilio documents it. The raw answer.
     */
    HttpResponse<String> create(String accountSid, String authToken, Map<String, String> form)
            throws IOException, InterruptedException {
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> {
            if (v != null) {
                body.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        String basic =
                Base64.getEncoder().encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
        return http.send(
                HttpRequest.newBuilder(URI.create(base + "/2010-04-01/Accounts/"
                                + URLEncoder.encode(accountSid, StandardCharsets.UTF_8) + "/Messages.json"))
                        .timeout(timeout)
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static Map<String, String> form() {
        return new LinkedHashMap<>();
    }

    JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    /** Twilio's error object: {@code {"code": 21211, "message": "...", "more_info": "...", "status": 400}}. */
    record TwilioError(int httpStatus, int code, String message) {

        static TwilioError of(int httpStatus, JsonNode body) {
            return new TwilioError(
                    httpStatus, body.path("code").asInt(0), body.path("message").asText(null));
        }

        String describe() {
            StringBuilder s = new StringBuilder("Twilio error ");
            s.append(code == 0 ? "HTTP " + httpStatus : String.valueOf(code));
            if (message != null && !message.isBlank()) {
                s.append(": ").append(message);
            }
            return s.toString();
        }
    }
}
