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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Meta's Graph API for WhatsApp Cloud: the base URL is {@code MC_WHATSAPP_GRAPH_URL} (default
 * {@code https://graph.facebook.com}) and the version {@code MC_WHATSAPP_GRAPH_VERSION}, so tests point it at a
 * stand-in. The only HTTP client that talks to Meta; it sends nothing by itself ({@link WhatsAppCloudAdapter} sends
 * messages for the gateway). Calls are slow I/O: never inside a transaction.
 */
@Service
public class WhatsAppGraph {

    private final HttpClient http;
    private final ObjectMapper json;
    private final String base;
    private final String version;
    private final Duration timeout;

    WhatsAppGraph(
            ObjectMapper json,
            @Value("${mc.whatsapp.graph-url:https://graph.facebook.com}") String base,
            @Value("${mc.whatsapp.graph-version:v21.0}") String version,
            @Value("${mc.whatsapp.timeout:10s}") Duration timeout) {
        this.json = json;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.version = version;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** What "Test connection" found: whether the number answered, what Meta calls it, or the error in words. */
    public record ConnectionCheck(
            boolean ok, String displayPhoneNumber, String verifiedName, String qualityRating, String error) {}

    /**
     * Asks the Graph API for the number ({@code GET /{version}/{phone-number-id}}) with the access token. Never
     * throws for what Meta or the network answers: the result says it.
     */
    public ConnectionCheck check(String phoneNumberId, String accessToken) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/" + version + "/"
                                    + URLEncoder.encode(phoneNumberId, StandardCharsets.UTF_8)
                                    + "?fields=display_phone_number,verified_name,quality_rating"))
                            .timeout(timeout)
                            .header("Authorization", "Bearer " + accessToken)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = parse(response.body());
            if (response.statusCode() / 100 == 2) {
                return new ConnectionCheck(
                        true,
                        text(body, "display_phone_number"),
                        text(body, "verified_name"),
                        text(body, "quality_rating"),
                        null);
            }
            GraphError error = GraphError.of(response.statusCode(), body);
            return new ConnectionCheck(false, null, null, null, error.describe());
        } catch (IOException e) {
            return new ConnectionCheck(
                    false,
                    null,
                    null,
                    null,
                    "The Graph API could not be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ConnectionCheck(false, null, null, null, "Interrupted");
        }
    }

    /** POSTs a message body to {@code /{version}/{phone-number-id}/messages}; the raw answer. */
    HttpResponse<String> postMessage(String phoneNumberId, String accessToken, String body)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + "/" + version + "/"
                                + URLEncoder.encode(phoneNumberId, StandardCharsets.UTF_8) + "/messages"))
                        .timeout(timeout)
                        .header("Authorization", "Bearer " + accessToken)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    ObjectMapper json() {
        return json;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    /** Meta's error object: {@code {"error": {"message", "type", "code", "error_subcode", "error_data": {"details"}}}}. */
    record GraphError(int httpStatus, int code, String title, String details) {

        static GraphError of(int httpStatus, JsonNode body) {
            JsonNode e = body.path("error");
            String title = e.path("error_user_title").asText(null);
            if (title == null) {
                title = e.path("message").asText(null);
            }
            String details = e.path("error_data").path("details").asText(null);
            return new GraphError(httpStatus, e.path("code").asInt(0), title, details);
        }

        String describe() {
            StringBuilder s = new StringBuilder("WhatsApp error ");
            s.append(code == 0 ? "HTTP " + httpStatus : String.valueOf(code));
            if (title != null) {
                s.append(": ").append(title);
            }
            if (details != null && !details.equals(title)) {
                s.append(" (").append(details).append(')');
            }
            return s.toString();
        }
    }
}
