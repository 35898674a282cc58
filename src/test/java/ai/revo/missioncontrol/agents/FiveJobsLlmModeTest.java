package ai.revo.missioncontrol.agents;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.ai.LlmGateway;
import ai.revo.missioncontrol.ai.LlmTestAccess;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.LlmIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The five jobs with a model behind the gateway (a fake OpenAI-compatible server with canned answers), and the
 * faults: the endpoint down, then back; malformed answers until the run is dead.
 */
class FiveJobsLlmModeTest extends LlmIntegrationTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    LlmGateway gateway;

    @BeforeEach
    void fresh() {
        SERVER.resetAll();
        LlmTestAccess.resetCircuit(gateway);
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
                    Map.of("prompt_tokens", 200, "completion_tokens", 60, "total_tokens", 260)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void answerWhenBodyContains(String part, String content) {
        SERVER.stubFor(post(urlEqualTo(PATH))
                .withRequestBody(containing(part))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(completion(content))));
    }

    static void cannedAnswers() throws Exception {
        answerWhenBodyContains(
                "personalised first message on the EMAIL channel",
                JSON.writeValueAsString(Map.of(
                        "subject",
                        "Faster estimates for your crews",
                        "body",
                        "Hi, I saw your team builds across Toronto. We help contractors book on-site estimates in "
                                + "two minutes. Would a short call next week help? You can pick a time at "
                                + "https://cal.example.com/maya. Maya",
                        "confidence",
                        0.9)));
        answerWhenBodyContains(
                "Write one LINKEDIN post",
                JSON.writeValueAsString(Map.of(
                        "body",
                        "Spring is estimate season. Contractors in Toronto now book on-site estimates in two minutes, "
                                + "from $499. Ask us how.",
                        "confidence",
                        0.8)));
        answerWhenBodyContains(
                "daily brief",
                "Three drafts and one post wait in the inbox; research found three "
                        + "leads. Review the drafts first.");
    }

    @Test
    void theFiveJobsInOrderUseTheModelAndFillTheInbox() throws Exception {
        cannedAnswers();
        Api api = api();
        Api.Session admin = api.signup();
        String campaign = FiveJobs.prepare(api, admin);
        List<JsonNode> runs = FiveJobs.runInOrder(api, admin);
        FiveJobs.assertTheChainWorked(api, admin, campaign, runs, "test-model-2025");

        // what the gateway sent for a first message: the campaign's persona prompt as the system message, the lead
        // in the user message, JSON mode
        JsonNode systemPrompt = api.get("/api/v1/campaigns/" + campaign, admin.accessToken())
                .json()
                .path("systemPrompt");
        List<LoggedRequest> requests = SERVER.findAll(
                postRequestedFor(urlEqualTo(PATH)).withRequestBody(containing("first message on the EMAIL channel")));
        assertThat(requests).hasSize(3);
        JsonNode sent = JSON.readTree(requests.get(0).getBodyAsString());
        assertThat(sent.path("model").asText()).isEqualTo("test-model");
        assertThat(sent.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(sent.path("messages").get(0).path("content").asText()).isEqualTo(systemPrompt.asText());
        assertThat(sent.path("messages").get(1).path("content").asText())
                .contains("Northwind Builders", "Construction", "https://cal.example.com/maya");
        assertThat(sent.path("response_format").path("type").asText()).isEqualTo("json_object");
        JsonNode brief = api.get("/api/v1/briefs/latest", admin.accessToken()).json();
        assertThat(brief.path("text").asText()).startsWith("Three drafts and one post");
        JsonNode outreach = api.get("/api/v1/runs?agent=outreach_drafter", admin.accessToken())
                .json()
                .path("data")
                .get(0);
        assertThat(outreach.path("llmCalls").asInt()).isEqualTo(3);
        assertThat(outreach.path("inputTokens").asLong()).isEqualTo(600);
    }

    @Test
    void anLlmThatIsDownFailsTheRunBlocksTheAgentWritesNothingAndARetryRecovers() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        FiveJobs.prepare(api, admin);
        Map<String, String> jobs = new java.util.HashMap<>();
        api.get("/api/v1/scheduler/jobs", admin.accessToken())
                .json()
                .path("data")
                .forEach(j -> jobs.put(j.path("key").asText(), j.path("id").asText()));
        for (String key : List.of("lead_research", "enrichment_scoring")) {
            FiveJobs.await(
                    api,
                    admin,
                    api.post("/api/v1/scheduler/jobs/" + jobs.get(key) + "/run-now", admin.accessToken(), Map.of())
                            .expect(202)
                            .json()
                            .path("runId")
                            .asText());
        }
        SERVER.stubFor(post(urlEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"overloaded\"}}")));

        JsonNode jobRun = FiveJobs.await(
                api,
                admin,
                api.post(
                                "/api/v1/scheduler/jobs/" + jobs.get("outreach_drafting_qa") + "/run-now",
                                admin.accessToken(),
                                Map.of())
                        .expect(202)
                        .json()
                        .path("runId")
                        .asText());
        assertThat(jobRun.path("status").asText()).isEqualTo("FAILED");
        assertThat(jobRun.path("reason").asText() + jobRun.path("error").asText())
                .contains("retry 2 of 3");
        JsonNode run = api.get("/api/v1/runs?agent=outreach_drafter", admin.accessToken())
                .json()
                .path("data")
                .get(0);
        assertThat(run.path("status").asText()).isIn("FAILED", "QUEUED", "RUNNING");
        assertThat(run.path("error").path("kind").asText()).isEqualTo("UNAVAILABLE");
        assertThat(run.path("error").path("retryable").asBoolean()).isTrue();
        // the first failure stops the attempt: the other leads wait for the retry; nothing half-written
        JsonNode items = api.get("/api/v1/runs/" + run.path("id").asText(), admin.accessToken())
                .json()
                .path("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).path("outcome").asText()).isEqualTo("FAILED");
        assertThat(api.get("/api/v1/drafts", admin.accessToken()).json().path("data"))
                .isEmpty();
        assertThat(agent(api, admin, "outreach_drafter").path("status").asText())
                .isEqualTo("BLOCKED");
        assertThat(agent(api, admin, "outreach_drafter").path("statusReason").asText())
                .containsIgnoringCase("503");

        // the automatic retries (1 s, then 2 s) fail too: the run is dead, with everything needed to retry it
        JsonNode dead = awaitStatus(api, admin, run.path("id").asText(), "DEAD");
        assertThat(dead.path("attempts").asInt()).isEqualTo(3);
        assertThat(api.get("/api/v1/runs?status=DEAD", admin.accessToken())
                        .json()
                        .path("data"))
                .hasSize(1);
        // the rest of the product keeps working
        api.get("/api/v1/leads", admin.accessToken()).expect(200);

        // the endpoint is back: a person retries the dead run and it finishes the work
        SERVER.resetAll();
        LlmTestAccess.resetCircuit(gateway);
        cannedAnswers();
        api.post("/api/v1/runs/" + run.path("id").asText() + "/retry", admin.accessToken(), Map.of())
                .expect(202);
        JsonNode recovered = awaitStatus(api, admin, run.path("id").asText(), "SUCCEEDED");
        assertThat(recovered.path("attempts").asInt()).isEqualTo(4);
        assertThat(recovered.path("output").path("draftsSubmitted").asInt()).isEqualTo(3);
        assertThat(agent(api, admin, "outreach_drafter").path("status").asText())
                .isEqualTo("IDLE");
        api.post("/api/v1/runs/" + run.path("id").asText() + "/retry", admin.accessToken(), Map.of())
                .expectError(409, "CONFLICT");
    }

    @Test
    void malformedAnswersFailEachItemReadablyUntilTheRunIsDeadAndAnAdminCanOverrideIt() {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Session operator = api.addUser(admin, "OPERATOR");
        FiveJobs.prepare(api, admin);
        answerWhenBodyContains("LINKEDIN", "this is not JSON at all");
        String runId = api.post("/api/v1/agents/content_creator/run", operator.accessToken(), Map.of())
                .expect(202)
                .json()
                .path("runId")
                .asText();
        JsonNode dead = awaitStatus(api, admin, runId, "DEAD");
        assertThat(dead.path("error").path("kind").asText()).isEqualTo("MALFORMED");
        assertThat(dead.path("error").path("message").asText()).isNotBlank();
        assertThat(api.get("/api/v1/drafts", admin.accessToken()).json().path("data"))
                .isEmpty();
        api.post(
                        "/api/v1/runs/" + runId + "/manual-override",
                        operator.accessToken(),
                        Map.of("outcome", "SUCCEEDED", "notes", "Posted by hand"))
                .expectError(403, "FORBIDDEN");
        api.post(
                        "/api/v1/runs/" + runId + "/manual-override",
                        admin.accessToken(),
                        Map.of("outcome", "MAYBE", "notes", "x"))
                .expectError(400, "VALIDATION_ERROR");
        JsonNode overridden = api.post(
                        "/api/v1/runs/" + runId + "/manual-override",
                        admin.accessToken(),
                        Map.of("outcome", "SUCCEEDED", "notes", "Posted by hand"))
                .expect(200)
                .json();
        assertThat(overridden.path("override").path("outcome").asText()).isEqualTo("SUCCEEDED");
        assertThat(api.get("/api/v1/audit?action=agent.run.overridden", admin.accessToken())
                        .json()
                        .path("data"))
                .hasSize(1);
        JsonNode metrics =
                api.get("/api/v1/metrics/agents", admin.accessToken()).json().path("data");
        metrics.forEach(m -> {
            if (m.path("agent").asText().equals("content_creator")) {
                assertThat(m.path("successRate").asDouble()).isEqualTo(1.0);
                assertThat(m.path("escalated").asInt()).isEqualTo(1);
            }
        });
    }

    static JsonNode agent(Api api, Api.Session s, String key) {
        for (JsonNode a : api.get("/api/v1/agents", s.accessToken()).json().path("data")) {
            if (a.path("key").asText().equals(key)) {
                return a;
            }
        }
        throw new AssertionError("no agent " + key);
    }

    static JsonNode awaitStatus(Api api, Api.Session s, String runId, String status) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode run = null;
        while (Instant.now().isBefore(deadline)) {
            run = api.get("/api/v1/runs/" + runId, s.accessToken())
                    .expect(200)
                    .json()
                    .path("run");
            if (run.path("status").asText().equals(status)) {
                return run;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("run " + runId + " never became " + status + "; last: " + run + "; items: "
                + api.get("/api/v1/runs/" + runId, s.accessToken()).json().path("items") + "; llm calls: "
                + api.get("/api/v1/logs/llm?runId=" + runId, s.accessToken())
                        .json()
                        .path("data"));
    }
}
