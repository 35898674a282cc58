package ai.revo.missioncontrol.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook network guard: what it refuses before any connection, the operator's allow-list, no redirects. */
class WebhookPosterTest {

    WireMockServer receiver;

    @BeforeEach
    void start() {
        receiver = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        receiver.start();
        receiver.stubFor(
                post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(200).withBody("ok")));
        receiver.stubFor(post(urlEqualTo("/moved"))
                .willReturn(aResponse().withStatus(302).withHeader("Location", "/hook")));
    }

    @AfterEach
    void stop() {
        receiver.stop();
    }

    @Test
    void refusesTargetsThatAreNotPublicBeforeConnecting() {
        WebhookPoster guarded = new WebhookPoster("");
        for (String url : new String[] {
            "http://localhost/x",
            "http://127.0.0.1/x",
            "http://10.0.0.8/x",
            "http://172.16.3.4/x",
            "http://192.168.0.1/x",
            "http://169.254.169.254/latest",
            "http://[::1]/x",
            "http://[::ffff:127.0.0.1]/x",
            "http://[fd00::1]/x",
            "http://0.0.0.0/x",
            "file:///etc/passwd",
            "gopher://example.com/",
            "https://user:secret@example.com/x",
            "not a url"
        }) {
            assertThat(guarded.refusal(url)).as(url).isNotNull();
        }
        assertThat(guarded.refusal("https://hooks.zapier.com/hooks/catch/1/abc"))
                .isNull();
        assertThat(guarded.refusal("https://93.184.215.14/hook")).isNull();

        // at delivery time the name is resolved and checked: nothing reaches this machine
        WebhookPoster.Attempt attempt = guarded.post(
                "http://127.0.0.1:" + receiver.port() + "/hook", Map.of(), "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(attempt.delivered()).isFalse();
        assertThat(attempt.error()).contains("not a public address");
        WebhookPoster.Attempt byName = guarded.post(
                "http://localhost:" + receiver.port() + "/hook", Map.of(), "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(byName.error()).contains("not a public address");
        assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/hook")))).isEmpty();
    }

    @Test
    void anAllowedHostIsReachedAndARedirectIsNotFollowed() {
        WebhookPoster allowing = new WebhookPoster("127.0.0.1");
        assertThat(allowing.refusal("http://127.0.0.1:" + receiver.port() + "/hook"))
                .isNull();
        assertThat(allowing.refusal("http://localhost:" + receiver.port() + "/hook"))
                .isNotNull();
        WebhookPoster.Attempt ok = allowing.post(
                "http://127.0.0.1:" + receiver.port() + "/hook",
                Map.of("webhook-id", "msg_1"),
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(ok.delivered()).isTrue();
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.excerpt()).isEqualTo("ok");
        assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/hook")))
                        .get(0)
                        .getHeader("webhook-id"))
                .isEqualTo("msg_1");

        WebhookPoster.Attempt moved = allowing.post(
                "http://127.0.0.1:" + receiver.port() + "/moved", Map.of(), "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(moved.delivered()).isFalse();
        assertThat(moved.status()).isEqualTo(302);
        assertThat(moved.error()).contains("redirects are not followed");
        assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/hook")))).hasSize(1);

        WebhookPoster.Attempt refused = allowing.post("http://127.0.0.1:1/hook", Map.of(), new byte[0]);
        assertThat(refused.status()).isZero();
        assertThat(refused.error()).isNotBlank();
    }
}
