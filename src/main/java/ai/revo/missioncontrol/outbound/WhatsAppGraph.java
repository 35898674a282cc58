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
import java.util.ArrayList;
import java.util.List;
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

    /** One of the business account's message templates as Meta describes it; {@code components} is Meta's JSON. */
    public record GraphTemplate(
            String id,
            String name,
            String language,
            String status,
            String category,
            String reason,
            String components) {}

    /** Meta refused a call or could not be reached; {@code code} is Meta's error code (0 when there was none). */
    public static final class GraphCallFailed extends Exception {
        private final int code;

        GraphCallFailed(int code, String message) {
            super(message);
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    /**
     * Every message template of the business account ({@code GET /{version}/{waba-id}/message_templates}, following
     * Meta's {@code paging.next} cursors, at most 50 pages). Slow I/O: never inside a transaction.
     *
     * @throws GraphCallFailed with Meta's error (190 for a rejected token) or when the Graph API cannot be reached
     */
    public List<GraphTemplate> templates(String businessAccountId, String accessToken) throws GraphCallFailed {
        List<GraphTemplate> all = new ArrayList<>();
        String url = base + "/" + version + "/" + URLEncoder.encode(businessAccountId, StandardCharsets.UTF_8)
                + "/message_templates?limit=100&fields=id,name,language,status,category,rejected_reason,components";
        for (int page = 0; url != null && page < 50; page++) {
            JsonNode body;
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(timeout)
                                .header("Authorization", "Bearer " + accessToken)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                body = parse(response.body());
                if (response.statusCode() / 100 != 2) {
                    GraphError error = GraphError.of(response.statusCode(), body);
                    throw new GraphCallFailed(error.code(), error.describe());
                }
            } catch (IOException e) {
                throw new GraphCallFailed(
                        0, "The Graph API could not be reached: " + e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GraphCallFailed(0, "Interrupted");
            }
            for (JsonNode t : body.path("data")) {
                String reason = text(t, "rejected_reason");
                all.add(new GraphTemplate(
                        text(t, "id"),
                        text(t, "name"),
                        text(t, "language"),
                        text(t, "status"),
                        text(t, "category"),
                        reason == null || "NONE".equals(reason) ? null : reason,
                        t.path("components").isArray() ? t.path("components").toString() : "[]"));
            }
            String next = text(body.path("paging"), "next");
            // the next page must be on the same Graph API host: the cursor URL carries the token's request
            url = next != null && next.startsWith(base + "/") ? next : null;
        }
        return all;
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
