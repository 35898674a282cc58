package ai.revo.missioncontrol.agents;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentApiTest extends IntegrationTest {

    @Test
    void everyNewWorkspaceHasTheSevenDefaultAgentsIdle() {
        Api api = api();
        Api.Session admin = api.signup();
        JsonNode agents =
                api.get("/api/v1/agents", admin.accessToken()).expect(200).json();
        List<String> keys = new ArrayList<>();
        agents.path("data").forEach(a -> {
            keys.add(a.path("key").asText());
            assertThat(a.path("status").asText()).isEqualTo("IDLE");
        });
        assertThat(keys)
                .containsExactlyInAnyOrder(
                        "lead_researcher",
                        "enrichment_scorer",
                        "outreach_drafter",
                        "content_creator",
                        "qa_reviewer",
                        "sales_agent",
                        "daily_briefer");
        assertThat(api.get("/api/v1/events/feed?type=workspace.created", admin.accessToken())
                        .json()
                        .path("data"))
                .hasSize(1);
    }

    @Test
    void adminsPauseAndResumeAgentsAndEachChangeIsAnEvent() {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Session operator = api.addUser(admin, "OPERATOR");
        String id = api.get("/api/v1/agents", admin.accessToken())
                .json()
                .path("data")
                .get(0)
                .path("id")
                .asText();
        api.patch("/api/v1/agents/" + id, operator.accessToken(), Map.of("status", "PAUSED"))
                .expectError(403, "FORBIDDEN");
        JsonNode paused = api.patch("/api/v1/agents/" + id, admin.accessToken(), Map.of("status", "PAUSED"))
                .expect(200)
                .json();
        assertThat(paused.path("status").asText()).isEqualTo("PAUSED");
        assertThat(paused.path("statusReason").asText()).contains(admin.email());
        api.patch("/api/v1/agents/" + id, admin.accessToken(), Map.of("status", "RUNNING"))
                .expectError(400, "VALIDATION_ERROR");
        api.patch("/api/v1/agents/" + id, admin.accessToken(), Map.of("status", "IDLE"))
                .expect(200);
        api.patch("/api/v1/agents/" + id, admin.accessToken(), Map.of("status", "IDLE"))
                .expect(200);
        List<String> moves = new ArrayList<>();
        api.get("/api/v1/events/feed?type=agent.status_changed&order=asc", admin.accessToken())
                .json()
                .path("data")
                .forEach(e -> moves.add(e.path("payload").path("from").asText() + ">"
                        + e.path("payload").path("to").asText()));
        assertThat(moves).containsExactly("IDLE>PAUSED", "PAUSED>IDLE");
        assertThat(api.get("/api/v1/audit?action=agent.", admin.accessToken())
                        .json()
                        .path("data"))
                .hasSize(2);
    }
}
