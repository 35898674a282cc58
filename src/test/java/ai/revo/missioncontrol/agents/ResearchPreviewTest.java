package ai.revo.missioncontrol.agents;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Lead research shows what it will enrol, stops at the workspace's per-run limit and can wait for a person. */
class ResearchPreviewTest extends IntegrationTest {

    @Test
    void thePreviewShowsWhatARunEnrolsUnderTheLimitAndARunWaitsForConfirmation() {
        Api api = api();
        Api.Session admin = api.signup();
        String campaign = FiveJobs.prepare(api, admin);
        JsonNode defaults = api.get("/api/v1/agent-settings", admin.accessToken())
                .expect(200)
                .json();
        assertThat(defaults.path("researchEnrolLimit").asInt()).isEqualTo(200);
        assertThat(defaults.path("researchNeedsConfirmation").asBoolean()).isFalse();

        JsonNode all = api.get("/api/v1/agents/lead_researcher/preview", admin.accessToken())
                .expect(200)
                .json();
        assertThat(all.path("total").asInt()).isEqualTo(3);
        assertThat(all.path("limited").asBoolean()).isFalse();
        assertThat(all.path("campaigns").get(0).path("campaignId").asText()).isEqualTo(campaign);
        assertThat(all.path("campaigns").get(0).path("first").toString()).contains("Grace Li", "Finn Murray");

        api.put(
                        "/api/v1/agent-settings",
                        admin.accessToken(),
                        Map.of("researchEnrolLimit", 0, "researchNeedsConfirmation", true))
                .expectError(400, "VALIDATION_ERROR");
        api.put(
                        "/api/v1/agent-settings",
                        admin.accessToken(),
                        Map.of("researchEnrolLimit", 2, "researchNeedsConfirmation", true))
                .expect(200);
        JsonNode limited = api.get("/api/v1/agents/lead_researcher/preview", admin.accessToken())
                .expect(200)
                .json();
        assertThat(limited.path("total").asInt()).isEqualTo(2);
        assertThat(limited.path("limit").asInt()).isEqualTo(2);
        assertThat(limited.path("limited").asBoolean()).isTrue();
        assertThat(limited.path("needsConfirmation").asBoolean()).isTrue();

        JsonNode waiting = AgentPipelineTest.runAgent(api, admin, "lead_researcher");
        assertThat(waiting.path("run").path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(waiting.path("run")
                        .path("output")
                        .path("awaitingConfirmation")
                        .asInt())
                .isEqualTo(2);
        assertThat(waiting.path("run").path("output").path("leadsEnrolled").asInt())
                .isZero();
        assertThat(waiting.path("items").toString()).contains("Awaiting confirmation: would enrol");
        assertThat(api.get("/api/v1/leads?campaignId=" + campaign, admin.accessToken())
                        .json()
                        .path("pagination")
                        .path("total")
                        .asInt())
                .as("nothing is enrolled before a person confirms")
                .isZero();
        assertThat(api.get("/api/v1/tasks?limit=100", admin.accessToken())
                        .json()
                        .toString())
                .contains("Confirm lead research: 2 contacts in 1 campaigns");

        String runId = api.post(
                        "/api/v1/agents/lead_researcher/run",
                        admin.accessToken(),
                        Map.of("input", Map.of("confirmed", true)))
                .expect(202)
                .json()
                .path("runId")
                .asText();
        JsonNode confirmed = AgentPipelineTest.awaitRun(api, admin, runId);
        assertThat(confirmed.path("run").path("output").path("leadsEnrolled").asInt())
                .isEqualTo(2);
        assertThat(api.get("/api/v1/leads?campaignId=" + campaign, admin.accessToken())
                        .json()
                        .path("pagination")
                        .path("total")
                        .asInt())
                .isEqualTo(2);
        JsonNode rest = api.get("/api/v1/agents/lead_researcher/preview", admin.accessToken())
                .expect(200)
                .json();
        assertThat(rest.path("total").asInt()).isEqualTo(1);
        assertThat(rest.path("limited").asBoolean()).isFalse();
    }
}
