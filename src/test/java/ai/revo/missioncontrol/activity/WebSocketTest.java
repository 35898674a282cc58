package ai.revo.missioncontrol.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WebSocketTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Collects text frames and the close code. */
    static final class Listener implements WebSocket.Listener {
        final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    frames.add(JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.completeExceptionally(error);
        }

        JsonNode next() throws InterruptedException {
            return frames.poll(5, TimeUnit.SECONDS);
        }
    }

    private WebSocket connect(String query, Listener listener, String token) throws Exception {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/events" + query), listener)
                .get(5, TimeUnit.SECONDS);
    }

    @Test
    void streamsEnvelopesAndHonoursANarrowedSubscription() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        Listener listener = new Listener();
        WebSocket ws = connect("", listener, admin.accessToken());
        api.patch("/api/v1/settings/safety", admin.accessToken(), Map.of("globalPause", true))
                .expect(200);
        JsonNode first = listener.next();
        assertThat(first.path("type").asText()).isEqualTo("safety.global_pause.toggled");
        assertThat(first.path("seq").asLong()).isPositive();
        assertThat(first.path("timestamp").asText()).contains("T");

        ws.sendText("{\"subscribe\": {\"type\": \"suppression.\"}}", true).get(5, TimeUnit.SECONDS);
        assertThat(listener.next().has("subscribed")).isTrue();
        api.patch("/api/v1/settings/safety", admin.accessToken(), Map.of("globalPause", false))
                .expect(200);
        api.post("/api/v1/suppressions", admin.accessToken(), Map.of("channel", "EMAIL", "address", "w@example.com"))
                .expect(201);
        assertThat(listener.next().path("type").asText()).isEqualTo("suppression.added");

        ws.sendText("{\"subscribe\": {\"category\": \"LOUD\"}}", true).get(5, TimeUnit.SECONDS);
        assertThat(listener.next().path("error").path("code").asText()).isEqualTo("VALIDATION_ERROR");
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
    }

    @Test
    void acceptsTheTokenAsAQueryParameter() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        Listener listener = new Listener();
        WebSocket ws = connect("?access_token=" + admin.accessToken() + "&type=safety.&lastEventId=0", listener, null);
        api.patch("/api/v1/settings/safety", admin.accessToken(), Map.of("dryRunMode", false))
                .expect(200);
        assertThat(listener.next().path("type").asText()).isEqualTo("safety.dry_run.toggled");
        ws.abort();
    }

    @Test
    void refusesAHandshakeWithoutValidCredentials() {
        assertThatThrownBy(() -> connect("", new Listener(), null)).hasStackTraceContaining("401");
        assertThatThrownBy(() -> connect("", new Listener(), "forged.token.value"))
                .hasStackTraceContaining("401");
    }

    @Test
    void anOversizedFrameClosesThatSocketWith1009AndOthersKeepWorking() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        Listener big = new Listener();
        Listener other = new Listener();
        WebSocket victim = connect("", big, admin.accessToken());
        connect("", other, admin.accessToken());
        victim.sendText("{\"subscribe\": {\"type\": \"" + "x".repeat(64 * 1024) + "\"}}", true);
        assertThat(big.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1009);
        api.patch("/api/v1/settings/safety", admin.accessToken(), Map.of("channels", Map.of("SMS", true)))
                .expect(200);
        assertThat(other.next().path("type").asText()).isEqualTo("safety.channel_toggled");
    }
}
