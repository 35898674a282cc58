package ai.revo.missioncontrol.agents;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.ai.LlmGateway;
import ai.revo.missioncontrol.ai.LlmTestAccess;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.LlmIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The pipeline with a model behind the gateway (the fake OpenAI-compatible server): the outreach drafter's model
 * calls fail, its step is recorded FAILED with the reason, and the daily brief after it still runs and is written.
 */
class PipelineRunLlmTest extends LlmIntegrationTest {

    @Autowired
    LlmGateway gateway;

    @BeforeEach
    void fresh() {
        SERVER.resetAll();
        LlmTestAccess.resetCircuit(gateway);
    }

    @Test
    void aFailingAgentIsRecordedWithItsReasonAndTheNextAgentStillRuns() throws Exception {
        FiveJobsLlmModeTest.cannedAnswers();
        // the first messages' calls fail: the endpoint is overloaded for them (the brief's calls still answer)
        SERVER.stubFor(post(urlEqualTo(PATH))
                .withRequestBody(containing("personalised first message on the EMAIL channel"))
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"overloaded\"}}")));
        Api api = api();
        Api.Session admin = api.signup();
        FiveJobs.prepare(api, admin);

        JsonNode run = PipelineRunTest.awaitPipeline(api, admin, PipelineRunTest.startPipeline(api, admin));

        assertThat(run.path("status").asText()).isEqualTo("FAILED");
        JsonNode steps = run.path("steps");
        assertThat(steps.get(0).path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(steps.get(1).path("status").asText()).isEqualTo("SUCCEEDED");
        JsonNode outreach = steps.get(2);
        assertThat(outreach.path("agent").asText()).isEqualTo("outreach_drafter");
        assertThat(outreach.path("status").asText()).isEqualTo("FAILED");
        assertThat(outreach.path("reason").asText()).contains("503").contains("retries on its own");
        JsonNode outreachRun = api.get("/api/v1/runs/" + outreach.path("runId").asText(), admin.accessToken())
                .json()
                .path("run");
        assertThat(outreachRun.path("error").path("kind").asText()).isEqualTo("UNAVAILABLE");
        // a person's verdict ends the failed run's pending retries: otherwise it calls the shared model stand-in again
        // 30 s later, in the middle of another test class's count of calls
        api.post(
                        "/api/v1/runs/" + outreach.path("runId").asText() + "/manual-override",
                        admin.accessToken(),
                        java.util.Map.of("outcome", "FAILED", "notes", "the test is over"))
                .expect(200);
        // and no agent of this workspace works on after the test (cron, retries): they would call the stand-in too
        for (JsonNode agent :
                api.get("/api/v1/agents", admin.accessToken()).json().path("data")) {
            api.patch(
                            "/api/v1/agents/" + agent.path("id").asText(),
                            admin.accessToken(),
                            java.util.Map.of("status", "PAUSED"))
                    .expect(200);
        }
        // the step after the failing one ran, used the model, and its brief is there
        assertThat(steps.get(3).path("agent").asText()).isEqualTo("sales_agent");
        assertThat(steps.get(3).path("status").asText()).isEqualTo("SUCCEEDED");
        JsonNode brief = steps.get(4);
        assertThat(brief.path("agent").asText()).isEqualTo("daily_briefer");
        assertThat(brief.path("status").asText()).as(brief.toString()).isEqualTo("SUCCEEDED");
        assertThat(java.time.Instant.parse(brief.path("startedAt").asText()))
                .isAfterOrEqualTo(
                        java.time.Instant.parse(outreach.path("finishedAt").asText()));
        assertThat(api.get("/api/v1/briefs/latest", admin.accessToken())
                        .json()
                        .path("text")
                        .asText())
                .startsWith("Three drafts and one post");
    }
}
