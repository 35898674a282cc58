package ai.revo.missioncontrol.ai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.LlmIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The gateway against a fake OpenAI-compatible server (WireMock): request shape, results, and every fault: 429,
 * 5xx, slow answers, malformed JSON and the circuit breaker. All LLM-mode tests live here to share one context.
 */
class LlmModeTest extends LlmIntegrationTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @AfterAll
    static void stop() {
        // the server lives as long as the JVM's cached context may call it; resetting is enough between tests
        SERVER.resetAll();
    }

    @Autowired
    LlmGateway gateway;

    Api api;
    Api.Session admin;
    TenantId tenant;

    @BeforeEach
    void fresh() {
        SERVER.resetAll();
        gateway.resetCircuit();
        api = api();
        admin = api.signup();
        tenant = TenantId.of(admin.tenantId());
    }

    static String completion(String content) {
        try {
            return JSON.writeValueAsString(Map.of(
                    "id",
                    "chatcmpl-1",
                    "object",
                    "chat.completion",
                    "created",
                    1700000000,
                    "model",
                    "test-model-2025",
                    "choices",
                    List.of(Map.of(
                            "index",
                            0,
                            "message",
                            Map.of("role", "assistant", "content", content),
                            "finish_reason",
                            "stop")),
                    "usage",
                    Map.of("prompt_tokens", 120, "completion_tokens", 40, "total_tokens", 160)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void answer(String content) {
        SERVER.stubFor(post(urlEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(completion(content))));
    }

    static void fail(int status) {
        SERVER.stubFor(post(urlEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}")));
    }

    int calls() {
        return SERVER.findAll(postRequestedFor(urlEqualTo(PATH))).size();
    }

    JsonNode lastLog() {
        return api.get("/api/v1/logs/llm", admin.accessToken())
                .expect(200)
                .json()
                .path("data")
                .get(0);
    }

    LlmException failure(String key, Map<String, ?> vars) {
        try {
            gateway.generate(tenant, key, vars, LlmContext.none());
        } catch (LlmException e) {
            return e;
        }
        throw new AssertionError("expected an LlmException");
    }

    @Test
    void sendsTheRenderedPromptsAsAJsonModeChatRequestAndAnswersTheModelsResult() throws Exception {
        answer(
                "{\"subject\": \"Hello Ada\", \"body\": \"Hi Ada, a quick idea for Analytical Engines?\", \"confidence\": 0.82}");
        UUID run = UUID.randomUUID();
        LlmResult r = gateway.generate(
                tenant, "outreach_first_message", TemplateModeTest.outreachVariables("EMAIL"), LlmContext.run(run));

        assertThat(r.fromTemplate()).isFalse();
        assertThat(r.model()).isEqualTo("test-model-2025");
        assertThat(r.field("subject")).isEqualTo("Hello Ada");
        assertThat(r.field("body")).isEqualTo("Hi Ada, a quick idea for Analytical Engines?");
        assertThat(r.confidence()).isEqualTo(0.82);
        assertThat(r.inputTokens()).isEqualTo(120);
        assertThat(r.outputTokens()).isEqualTo(40);
        assertThat(r.promptVersion()).isEqualTo(1);
        assertThat(r.promptHash()).matches("[0-9a-f]{64}");

        List<LoggedRequest> requests = SERVER.findAll(postRequestedFor(urlEqualTo(PATH)));
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).getHeader("Authorization")).isEqualTo("Bearer test-key");
        JsonNode body = JSON.readTree(requests.get(0).getBodyAsString());
        assertThat(body.path("model").asText()).isEqualTo("test-model");
        assertThat(body.path("response_format").path("type").asText()).isEqualTo("json_object");
        assertThat(body.path("messages")).hasSize(2);
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(body.path("messages").get(0).path("content").asText())
                .isEqualTo("You are Sam, a friendly assistant of Revo.");
        assertThat(body.path("messages").get(1).path("role").asText()).isEqualTo("user");
        assertThat(body.path("messages").get(1).path("content").asText())
                .contains(
                        "on the EMAIL channel",
                        "Lead: Ada Lovelace",
                        "Head of Research at Analytical Engines",
                        "Include a short subject line.")
                .doesNotContain("{{");

        JsonNode row = api.get("/api/v1/logs/llm?runId=" + run, admin.accessToken())
                .json()
                .path("data")
                .get(0);
        assertThat(row.path("model").asText()).isEqualTo("test-model-2025");
        assertThat(row.path("outcome").asText()).isEqualTo("SUCCEEDED");
        assertThat(row.path("inputTokens").asInt()).isEqualTo(120);
        assertThat(row.path("outputTokens").asInt()).isEqualTo(40);
        assertThat(row.path("attempts").asInt()).isEqualTo(1);
        assertThat(row.path("promptHash").asText()).isEqualTo(r.promptHash());

        JsonNode status =
                api.get("/api/v1/ai/status", admin.accessToken()).expect(200).json();
        assertThat(status.path("templateMode").asBoolean()).isFalse();
        assertThat(status.path("model").asText()).isEqualTo("test-model");
        assertThat(status.path("circuitState").asText()).isEqualTo("CLOSED");
    }

    @Test
    void aWorkspacesDailyModelBudgetStopsItsCallsAndNotOthers() {
        answer("Three wins today.");
        Map<String, Object> vars = Map.of("wins", List.of("a"), "date", "2025-05-01");
        Api.Session operator = api.login(
                "bootstrap-admin@example.com", ai.revo.missioncontrol.support.IntegrationTest.BOOTSTRAP_PASSWORD);
        api.put(
                        "/api/v1/operator/workspaces/" + admin.tenantId() + "/limits",
                        operator.accessToken(),
                        Map.of("llmDailyRequests", 2))
                .expect(200);
        gateway.generate(tenant, "daily_brief", vars, LlmContext.none());
        gateway.generate(tenant, "daily_brief", vars, LlmContext.none());
        LlmException spent = failure("daily_brief", vars);
        assertThat(spent.kind()).isEqualTo(LlmException.Kind.RATE_LIMITED);
        assertThat(spent.getMessage()).contains("daily model budget");
        assertThat(calls()).isEqualTo(2);
        // another workspace has its own budget
        TenantId other = TenantId.of(api.signup().tenantId());
        assertThat(gateway.generate(other, "daily_brief", vars, LlmContext.none())
                        .text())
                .isEqualTo("Three wins today.");
    }

    @Test
    void aTextPromptAsksForTextAndAnswersIt() throws Exception {
        answer("Three wins today.");
        LlmResult r = gateway.generate(
                tenant, "daily_brief", Map.of("wins", List.of("a"), "date", "2025-05-01"), LlmContext.none());
        assertThat(r.text()).isEqualTo("Three wins today.");
        assertThat(r.json()).isNull();
        assertThat(r.confidence()).isNull();
        JsonNode body = JSON.readTree(
                SERVER.findAll(postRequestedFor(urlEqualTo(PATH))).get(0).getBodyAsString());
        assertThat(body.path("response_format").path("type").asText("text")).isNotEqualTo("json_object");
        assertThat(body.path("messages").get(1).path("content").asText()).contains("Wins:\n- a\n");
    }

    @Test
    void a429IsRetriedAndTheSecondAttemptSucceeds() {
        SERVER.stubFor(post(urlEqualTo(PATH))
                .inScenario("busy")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withBody("{\"error\":{\"message\":\"slow down\"}}"))
                .willSetStateTo("ok"));
        SERVER.stubFor(post(urlEqualTo(PATH))
                .inScenario("busy")
                .whenScenarioStateIs("ok")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(completion("{\"text\": \"Shorter.\", \"confidence\": 0.9}"))));
        LlmResult r = gateway.generate(
                tenant, "rewrite", Map.of("text", "Long.", "instruction", "shorter"), LlmContext.none());
        assertThat(r.field("text")).isEqualTo("Shorter.");
        assertThat(calls()).isEqualTo(2);
        assertThat(lastLog().path("attempts").asInt()).isEqualTo(2);
        assertThat(lastLog().path("outcome").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void repeated429sFailAsRateLimited() {
        fail(429);
        LlmException e = failure("rewrite", Map.of("text", "x", "instruction", "y"));
        assertThat(e.kind()).isEqualTo(LlmException.Kind.RATE_LIMITED);
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("429");
        assertThat(calls()).isEqualTo(3);
    }

    @Test
    void repeated5xxFailAsUnavailableAfterMaxAttemptsAndAreLogged() {
        fail(503);
        LlmException e = failure("rewrite", Map.of("text", "x", "instruction", "y"));
        assertThat(e.kind()).isEqualTo(LlmException.Kind.UNAVAILABLE);
        assertThat(e.getMessage()).isEqualTo("The LLM endpoint failed (HTTP 503)");
        assertThat(calls()).isEqualTo(3);
        JsonNode row = lastLog();
        assertThat(row.path("outcome").asText()).isEqualTo("FAILED");
        assertThat(row.path("errorKind").asText()).isEqualTo("UNAVAILABLE");
        assertThat(row.path("error").asText()).contains("HTTP 503");
        assertThat(row.path("attempts").asInt()).isEqualTo(3);
        assertThat(row.path("model").asText()).isEqualTo("test-model");
    }

    @Test
    void aRequestRejectedByTheEndpointIsNotRetried() {
        fail(401);
        LlmException e = failure("rewrite", Map.of("text", "x", "instruction", "y"));
        assertThat(e.kind()).isEqualTo(LlmException.Kind.REJECTED);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("MC_LLM_API_KEY");
        assertThat(calls()).isEqualTo(1);
    }

    @Test
    void aSlowAnswerBeyondTheTimeoutFailsAsTimeout() {
        SERVER.stubFor(post(urlEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withFixedDelay(2500)
                        .withHeader("Content-Type", "application/json")
                        .withBody(completion("{\"text\": \"late\"}"))));
        long started = System.nanoTime();
        LlmException e = failure("rewrite", Map.of("text", "x", "instruction", "y"));
        assertThat(e.kind()).isEqualTo(LlmException.Kind.TIMEOUT);
        assertThat(e.getMessage()).contains("did not answer within 1000 ms");
        assertThat(calls()).isEqualTo(3);
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(7_000);
        assertThat(lastLog().path("errorKind").asText()).isEqualTo("TIMEOUT");
    }

    @Test
    void malformedJsonTwiceFailsAsMalformedAfterExactlyTwoCalls() {
        answer("Sure! Here is your message: Hi Ada");
        LlmException e = failure("rewrite", Map.of("text", "x", "instruction", "y"));
        assertThat(e.kind()).isEqualTo(LlmException.Kind.MALFORMED);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("malformed JSON twice", "not a JSON object");
        assertThat(calls()).isEqualTo(2);
        JsonNode row = lastLog();
        assertThat(row.path("errorKind").asText()).isEqualTo("MALFORMED");
        assertThat(row.path("inputTokens").asInt()).isEqualTo(240); // both answers counted
    }

    @Test
    void anAnswerMissingARequiredFieldIsAskedForOnceMore() {
        SERVER.stubFor(post(urlEqualTo(PATH))
                .inScenario("fix")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(completion("{\"confidence\": \"high\"}")))
                .willSetStateTo("fixed"));
        SERVER.stubFor(post(urlEqualTo(PATH))
                .inScenario("fix")
                .whenScenarioStateIs("fixed")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(completion("```json\n{\"text\": \"Fixed.\", \"confidence\": 0.7}\n```"))));
        LlmResult r = gateway.generate(tenant, "rewrite", Map.of("text", "x", "instruction", "y"), LlmContext.none());
        assertThat(r.field("text")).isEqualTo("Fixed.");
        assertThat(r.confidence()).isEqualTo(0.7);
        assertThat(calls()).isEqualTo(2);
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresAndThenFailsFastWithoutCallingTheServer() {
        fail(500);
        assertThat(failure("rewrite", Map.of("text", "x", "instruction", "y")).kind())
                .isEqualTo(LlmException.Kind.UNAVAILABLE);
        assertThat(failure("rewrite", Map.of("text", "x", "instruction", "y")).kind())
                .isEqualTo(LlmException.Kind.UNAVAILABLE);
        assertThat(calls()).isEqualTo(6);
        assertThat(gateway.mode().circuitState()).isEqualTo("OPEN");

        LlmException open = failure("rewrite", Map.of("text", "x", "instruction", "y"));
        assertThat(open.kind()).isEqualTo(LlmException.Kind.CIRCUIT_OPEN);
        assertThat(open.retryable()).isTrue();
        assertThat(open.getMessage()).contains("circuit open");
        assertThat(calls()).isEqualTo(6);
        assertThat(lastLog().path("errorKind").asText()).isEqualTo("CIRCUIT_OPEN");
        assertThat(api.get("/api/v1/ai/status", admin.accessToken())
                        .json()
                        .path("circuitState")
                        .asText())
                .isEqualTo("OPEN");
    }

    @Test
    void helpersUseTheModelAndTurnItsFailuresIntoReadableErrors() {
        answer("{\"text\": \"Hi Ada, would a demo help?\", \"confidence\": 0.9}");
        JsonNode s = api.post(
                        "/api/v1/ai/personalize",
                        admin.accessToken(),
                        Map.of("text", "Hello, would a demo help?", "tone", "warm"))
                .expect(200)
                .json();
        assertThat(s.path("text").asText()).isEqualTo("Hi Ada, would a demo help?");
        assertThat(s.path("model").asText()).isEqualTo("test-model-2025");
        assertThat(s.path("confidence").asDouble()).isEqualTo(0.9);

        SERVER.resetAll();
        fail(502);
        JsonNode error = api.post(
                        "/api/v1/ai/rewrite", admin.accessToken(), Map.of("text", "Hello", "instruction", "shorter"))
                .expectError(503, "SERVICE_UNAVAILABLE")
                .json();
        assertThat(error.path("error").path("details").path("kind").asText()).isEqualTo("UNAVAILABLE");
        assertThat(error.path("error").path("message").asText()).contains("HTTP 502");
    }
}
