package ai.revo.missioncontrol.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A campaign's knowledge relevance threshold: 30 unless set, 0 to 100, kept with the persona. */
class KnowledgeThresholdTest extends IntegrationTest {

    @Test
    void aCampaignsKnowledgeThresholdDefaultsTo30AndIsEditableThroughTheApi() {
        Api api = api();
        Api.Session admin = api.signup();
        String t = admin.accessToken();
        JsonNode created = api.post(
                        "/api/v1/campaigns",
                        t,
                        Map.of(
                                "name",
                                "Threshold",
                                "channels",
                                List.of("EMAIL"),
                                "persona",
                                Map.of("agentName", "Maya")))
                .expect(201)
                .json();
        assertThat(created.path("persona").path("knowledgeThreshold").asInt()).isEqualTo(30);
        String id = created.path("id").asText();

        JsonNode changed = api.patch(
                        "/api/v1/campaigns/" + id,
                        t,
                        Map.of("persona", Map.of("agentName", "Maya", "knowledgeThreshold", 55)))
                .expect(200)
                .json();
        assertThat(changed.path("persona").path("knowledgeThreshold").asInt()).isEqualTo(55);

        api.patch(
                        "/api/v1/campaigns/" + id,
                        t,
                        Map.of("persona", Map.of("agentName", "Maya", "knowledgeThreshold", 150)))
                .expectError(400, "VALIDATION_ERROR");
        assertThat(api.get("/api/v1/campaigns/" + id, t)
                        .expect(200)
                        .json()
                        .path("persona")
                        .path("knowledgeThreshold")
                        .asInt())
                .as("nothing changed")
                .isEqualTo(55);
    }

    @Test
    void aPersonaWithoutAThresholdGetsTheDefault() {
        assertThat(new Persona("Maya", null, null, null, null, null, null, null).knowledgeMinScore())
                .isEqualTo(0.3);
        assertThat(new Persona("Maya", null, null, null, null, null, null, 70).knowledgeMinScore())
                .isEqualTo(0.7);
    }
}
