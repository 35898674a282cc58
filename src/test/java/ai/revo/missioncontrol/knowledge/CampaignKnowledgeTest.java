package ai.revo.missioncontrol.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Which knowledge a campaign draws on: its own sources always, every workspace-wide source by default or only the
 * attached ones, and other campaigns' sources it attaches; the search with {@code campaignId} (what the writers use)
 * reads exactly that, and the choice is validated, audited, read-only for VIEWER and follows a removed source.
 */
class CampaignKnowledgeTest extends IntegrationTest {

    private String campaign(String token, String name) {
        return api().post("/api/v1/campaigns", token, Map.of("name", name + " " + UUID.randomUUID()))
                .expect(201)
                .json()
                .path("id")
                .asText();
    }

    private String source(String token, String name, String text, String campaignId) {
        String id = KnowledgeDocuments.upload(
                        api(), port, token, name, text.getBytes(StandardCharsets.UTF_8), campaignId)
                .expect(202)
                .json()
                .path("id")
                .asText();
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            String status = api().get("/api/v1/knowledge/sources/" + id, token)
                    .expect(200)
                    .json()
                    .path("status")
                    .asText();
            assertThat(status).isNotEqualTo("FAILED");
            return status.equals("READY");
        });
        return id;
    }

    /** The sources of the passages a search for the campaign answers (k = 10, no threshold). */
    private List<String> sourcesFound(String token, String campaignId, String q) {
        List<String> out = new ArrayList<>();
        api().get(
                        "/api/v1/knowledge/search?k=10&campaignId=" + campaignId + "&q="
                                + URLEncoder.encode(q, StandardCharsets.UTF_8),
                        token)
                .expect(200)
                .json()
                .path("data")
                .forEach(h -> out.add(h.path("sourceId").asText()));
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private JsonNode select(String token, String campaignId, Boolean every, List<String> attached, int status) {
        Map<String, Object> body = new HashMap<>();
        body.put("everyWorkspaceSource", every);
        body.put("attachedSourceIds", attached);
        return api().put("/api/v1/knowledge/campaigns/" + campaignId + "/sources", token, body)
                .expect(status)
                .json();
    }

    @Test
    void aCampaignDrawsOnItsOwnTheWorkspacesItChoseAndThoseItAttached() {
        Api.Session admin = api().signup();
        String t = admin.accessToken();
        String spring = campaign(t, "Spring");
        String autumn = campaign(t, "Autumn");
        String workspace = source(
                t,
                "returns.txt",
                "Returns policy. Any jewel can be returned within thirty days for a full refund.",
                null);
        String own = source(
                t,
                "spring-offer.txt",
                "Spring offer. Every engagement ring ordered in April comes with free engraving.",
                spring);
        String other = source(
                t,
                "autumn-offer.txt",
                "Autumn offer. Pearl necklaces are sold with a matching bracelet at half price.",
                autumn);
        String q = "refund returns engraving ring pearl necklace bracelet offer";

        // by default: its own and every workspace source, not another campaign's
        JsonNode initial = api().get("/api/v1/knowledge/campaigns/" + spring + "/sources", t)
                .expect(200)
                .json();
        assertThat(initial.path("everyWorkspaceSource").asBoolean()).isTrue();
        assertThat(texts(initial.path("attachedSourceIds"))).isEmpty();
        assertThat(texts(initial.path("sourceIds"))).containsExactlyInAnyOrder(workspace, own);
        assertThat(sourcesFound(t, spring, q)).contains(workspace, own).doesNotContain(other);

        // attach the autumn campaign's source
        JsonNode attached = select(t, spring, true, List.of(other), 200);
        assertThat(texts(attached.path("attachedSourceIds"))).containsExactly(other);
        assertThat(texts(attached.path("sourceIds"))).containsExactlyInAnyOrder(workspace, own, other);
        assertThat(sourcesFound(t, spring, q)).contains(workspace, own, other);
        assertThat(sourcesFound(t, autumn, q)).contains(workspace, other).doesNotContain(own);

        // only the attached workspace sources: none attached, so the returns policy is no longer read
        JsonNode only = select(t, spring, false, List.of(other), 200);
        assertThat(only.path("everyWorkspaceSource").asBoolean()).isFalse();
        assertThat(texts(only.path("sourceIds"))).containsExactlyInAnyOrder(own, other);
        assertThat(sourcesFound(t, spring, q)).contains(own, other).doesNotContain(workspace);
        // a workspace source added later is not used either, until attached
        String later =
                source(t, "care.txt", "Care guide. Keep pearls away from perfume and wipe them after wear.", null);
        assertThat(sourcesFound(t, spring, "pearls perfume care")).doesNotContain(later);
        select(t, spring, false, List.of(other, later), 200);
        assertThat(sourcesFound(t, spring, "pearls perfume care")).contains(later);
        assertThat(sourcesFound(t, spring, q)).doesNotContain(workspace);

        // refused: a source of no workspace of ours, the campaign's own; VIEWER reads but cannot choose
        select(t, spring, false, List.of(UUID.randomUUID().toString()), 400);
        select(t, spring, false, List.of(own), 400);
        Api.Session viewer = api().addUser(admin, "VIEWER");
        api().get("/api/v1/knowledge/campaigns/" + spring + "/sources", viewer.accessToken())
                .expect(200);
        select(viewer.accessToken(), spring, true, List.of(), 403);
        api().get("/api/v1/knowledge/campaigns/" + UUID.randomUUID() + "/sources", t)
                .expectError(404, "NOT_FOUND");

        // the choice is audited, and a removed source leaves it
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api().get("/api/v1/audit?entityType=campaign&entityId=" + spring, t)
                        .expect(200)
                        .body()
                        .contains("knowledge.campaign.selected"));
        api().delete("/api/v1/knowledge/sources/" + other, t).expect(204);
        JsonNode after = api().get("/api/v1/knowledge/campaigns/" + spring + "/sources", t)
                .expect(200)
                .json();
        assertThat(texts(after.path("attachedSourceIds"))).containsExactly(later);
        assertThat(texts(after.path("sourceIds"))).containsExactlyInAnyOrder(own, later);

        // back to every workspace source
        JsonNode every = select(t, spring, true, null, 200);
        assertThat(texts(every.path("attachedSourceIds"))).isEmpty();
        assertThat(texts(every.path("sourceIds"))).containsExactlyInAnyOrder(workspace, own, later);
        assertThat(sourcesFound(t, spring, q)).contains(workspace, own);
    }
}
