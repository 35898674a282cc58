package ai.revo.missioncontrol.outbound;

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
 * Resend's API, for what its webhooks leave out: an {@code email.received} event carries metadata only, the message
 * itself (text, html, headers) is read with {@code GET /emails/receiving/{id}}. The base URL is
 * {@code MC_RESEND_API_URL} (default {@code https://api.resend.com}) so tests point it at a stand-in. The only HTTP
 * client that talks to Resend; it sends nothing. Calls are slow I/O: never inside a transaction.
 */
@Service
public class ResendApi {

    /** A received email is at most this large as JSON (Resend inlines images into html as data URIs). */
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    private final HttpClient http;
    private final String base;
    private final Duration timeout;

    ResendApi(
            @Value("${mc.resend.api-url:https://api.resend.com}") String base,
            @Value("${mc.resend.timeout:10s}") Duration timeout) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * What a fetch found: the JSON body when Resend answered 2xx; otherwise the error in words and whether trying
     * again later may help (network trouble, 429, 5xx) or not (a refused key, an unknown email).
     */
    public record Fetched(String body, int status, String error, boolean retryable) {
        public boolean ok() {
            return body != null;
        }
    }

    /** {@code GET /emails/receiving/{id}} with the workspace's API key. Never throws for what Resend or the network answer. */
    public Fetched receivedEmail(String apiKey, String emailId) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(base + "/emails/receiving/" + URLEncoder.encode(emailId, StandardCharsets.UTF_8)))
                .timeout(timeout)
                .header("Authorization", "Bearer " + apiKey)
                .header("Accept", "application/json")
                .header("User-Agent", "RevoMissionControl/1.0")
                .GET()
                .build();
        try {
            HttpResponse<java.io.InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            byte[] bytes;
            try (java.io.InputStream in = response.body()) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
            int status = response.statusCode();
            if (bytes.length > MAX_BYTES) {
                return new Fetched(null, status, "Resend's answer is larger than " + MAX_BYTES + " bytes", false);
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (status / 100 == 2) {
                return new Fetched(text, status, null, false);
            }
            boolean retry = status == 429 || status >= 500;
            return new Fetched(null, status, "Resend answered " + status + describe(status), retry);
        } catch (IOException e) {
            return new Fetched(
                    null, 0, "Resend could not be reached: " + e.getClass().getSimpleName(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Fetched(null, 0, "Interrupted while asking Resend", true);
        }
    }

    private static String describe(int status) {
        return switch (status) {
            case 401, 403 -> " (the API key was refused; set a valid one in Settings → Inbound email)";
            case 404 -> " (no such received email)";
            case 429 -> " (rate limited)";
            default -> "";
        };
    }
}
