package ai.revo.missioncontrol.agents;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Template mode stays honest with knowledge in the workspace: a template uses no passage, so no draft claims a
 * source and no log row records a chunk; the catalogue's inventory check still reads every generated message.
 */
class KnowledgeTemplateModeTest extends IntegrationTest {

    @Test
    void templateDraftsClaimNoSourcesAndPassTheInventoryCheck() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        String t = admin.accessToken();
        FiveJobs.prepare(api, admin);
        String source = KnowledgeUploads.upload(
                port, t, "estimates-guide.txt", KnowledgeGroundingLlmTest.GUIDE.getBytes(StandardCharsets.UTF_8));
        KnowledgeGroundingLlmTest.waitReady(api, t, source);
        api.post(
                        "/api/v1/products",
                        t,
                        Map.of(
                                "name",
                                "On-site Estimate",
                                "price",
                                Map.of("amount", 499, "currency", "CAD"),
                                "availability",
                                "IN_STOCK"))
                .expect(201);

        List<JsonNode> runs = FiveJobs.runInOrder(api, admin);
        assertThat(runs.get(2).path("counts").path("draftsSubmitted").asInt()).isEqualTo(3);

        JsonNode inbox =
                api.get("/api/v1/approvals/inbox", t).expect(200).json().path("data");
        assertThat(inbox).hasSize(4);
        for (JsonNode item : inbox) {
            JsonNode draft = item.path("draft");
            assertThat(draft.path("checks").path("model").asText()).isEqualTo("template");
            assertThat(draft.path("sources")).as("a template used no passage").isEmpty();
            JsonNode inventory = null;
            for (JsonNode r : draft.path("checks").path("results")) {
                if (r.path("name").asText().equals("no_hallucinated_inventory")) {
                    inventory = r;
                }
            }
            assertThat(inventory).as("the inventory check ran: %s", draft).isNotNull();
            assertThat(inventory.path("passed").asBoolean())
                    .as(inventory.toString() + " on " + draft.path("bodyText"))
                    .isTrue();
        }
        for (JsonNode log :
                api.get("/api/v1/logs/llm?limit=100", t).expect(200).json().path("data")) {
            assertThat(log.path("model").asText()).isEqualTo("template");
            assertThat(log.path("chunkIds")).as(log.toString()).isEmpty();
        }
    }
}
