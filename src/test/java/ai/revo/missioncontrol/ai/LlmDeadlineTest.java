package ai.revo.missioncontrol.ai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.LlmIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A person waiting on a page never waits on a slow or confused model past the interactive deadline (1.5 s in the
 * tests, 25 s by default), retries included, and a malformed JSON answer is asked again only when there is time left.
 * WireMock plays the slow and the malformed model; the per-attempt timeout is 1 s with 3 attempts, so without the
 * deadline a slow model holds the request for over 3 s.
 */
class LlmDeadlineTest extends LlmIntegrationTest {

    @Autowired
    LlmGateway gateway;

    Api api;
    Api.Session admin;
    TenantId tenant;
    String marker;

    @BeforeEach
    void fresh() {
        marker = "m" + java.util.UUID.randomUUID().toString().replace("-", "");
        SERVER.resetAll();
        gateway.resetCircuit();
        api = api();
        admin = api.signup();
        tenant = TenantId.of(admin.tenantId());
    }

    static void answerAfter(int delayMs, String content) {
        SERVER.stubFor(post(urlEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withFixedDelay(delayMs)
                        .withHeader("Content-Type", "application/json")
                        .withBody(LlmModeTest.completion(content))));
    }

    /**
     * This test's calls only: WireMock journals a delayed request when it answers, so an earlier test's cut-off call
     * can arrive in the journal during this one.
     */
    int calls() {
        return SERVER.findAll(postRequestedFor(urlEqualTo(PATH)).withRequestBody(containing(marker)))
                .size();
    }

    @Test
    void personalizeAgainstASlowModelEndsAtTheInteractiveDeadlineWithATimeout() {
        answerAfter(5_000, "{\"text\": \"late\", \"confidence\": 0.9}");
        long started = System.nanoTime();
        JsonNode error = api.post(
                        "/api/v1/ai/personalize",
                        admin.accessToken(),
                        Map.of("text", "Hello, would a demo help? " + marker, "tone", "warm"))
                .expectError(503, "SERVICE_UNAVAILABLE")
                .json();
        long ms = (System.nanoTime() - started) / 1_000_000;
        assertThat(ms).isGreaterThanOrEqualTo(1_400).isLessThan(4_000); // the loaded CI host's margin
        assertThat(error.path("error").path("details").path("kind").asText()).isEqualTo("TIMEOUT");
        assertThat(error.path("error").path("details").path("retryable").asBoolean())
                .isTrue();
        assertThat(error.path("error").path("message").asText()).contains("1.5 s deadline");
        assertThat(calls()).isLessThanOrEqualTo(2);
    }

    @Test
    void rewriteAgainstASlowModelEndsAtTheInteractiveDeadline() {
        answerAfter(5_000, "{\"text\": \"late\", \"confidence\": 0.9}");
        long started = System.nanoTime();
        JsonNode error = api.post(
                        "/api/v1/ai/rewrite",
                        admin.accessToken(),
                        Map.of("text", "Hello there " + marker, "instruction", "warmer"))
                .expectError(503, "SERVICE_UNAVAILABLE")
                .json();
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(4_000);
        assertThat(error.path("error").path("message").asText()).contains("1.5 s deadline");
        assertThat(calls()).isLessThanOrEqualTo(2);
    }

    @Test
    void aMalformedAnswerIsNotAskedAgainWhenTheDeadlineLeavesNoTimeForIt() {
        answerAfter(600, "Sure! Here it is: Hi Ada");
        LlmException e = catchThrowableOfType(
                LlmException.class,
                () -> gateway.generate(
                        tenant,
                        "rewrite",
                        Map.of("text", "x " + marker, "instruction", "y"),
                        LlmContext.none(),
                        Duration.ofMillis(1_000)));
        assertThat(e.kind()).isEqualTo(LlmException.Kind.MALFORMED);
        assertThat(e.getMessage()).contains("no time left", "1 s deadline");
        assertThat(calls()).isEqualTo(1);
    }

    @Test
    void aMalformedAnswerIsAskedOnceMoreWhenTheDeadlineLeavesTime() {
        answerAfter(200, "Sure! Here it is: Hi Ada");
        LlmException e = catchThrowableOfType(
                LlmException.class,
                () -> gateway.generate(
                        tenant,
                        "rewrite",
                        Map.of("text", "x " + marker, "instruction", "y"),
                        LlmContext.none(),
                        Duration.ofSeconds(30)));
        assertThat(e.kind()).isEqualTo(LlmException.Kind.MALFORMED);
        assertThat(e.getMessage()).contains("malformed JSON twice");
        assertThat(calls()).isEqualTo(2);
    }

    @Test
    void aBackgroundCallIsCutOffAtItsDeadlineEvenMidAttempt() {
        answerAfter(5_000, "{\"text\": \"late\"}");
        long started = System.nanoTime();
        LlmException e = catchThrowableOfType(
                LlmException.class,
                () -> gateway.generate(
                        tenant,
                        "rewrite",
                        Map.of("text", "x " + marker, "instruction", "y"),
                        LlmContext.none(),
                        Duration.ofMillis(500)));
        assertThat(e.kind()).isEqualTo(LlmException.Kind.TIMEOUT);
        assertThat(e.retryable()).isTrue();
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2_000);
        assertThat(calls()).isEqualTo(1);
    }
}
