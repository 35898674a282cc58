package ai.revo.missioncontrol.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import ai.revo.missioncontrol.support.PageClient;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The campaign editor's Knowledge step, between the persona and the channels: it shows the workspace's sources the
 * campaign uses and other campaigns' sources it may attach, adds a file for the campaign alone (read in the background until READY), and shows a refused
 * file's reason in the step.
 */
class CampaignKnowledgeStepTest extends IntegrationTest {

    @Test
    void theKnowledgeStepShowsWorkspaceSourcesAndAddsAFileForTheCampaign() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        String t = admin.accessToken();
        String campaign = AgentPipelineTest.activeCampaign(api, admin, "Knowledge step", List.of("EMAIL"));
        String other = AgentPipelineTest.activeCampaign(api, admin, "Another campaign", List.of("EMAIL"));
        String shared = KnowledgeUploads.upload(
                port, t, "handbook.txt", "Our handbook: every lamp has a two year warranty.".getBytes());
        String others = KnowledgeUploads.upload(port, t, "other.txt", "Only for the other campaign.".getBytes(), other);
        PageClient pages = PageClient.signIn(port, admin.email(), admin.password());

        String editor = pages.get("/campaigns/" + campaign).body();
        assertThat(editor.indexOf("2 · Persona"))
                .isLessThan(editor.indexOf("3 · Knowledge"))
                .isGreaterThan(0);
        assertThat(editor.indexOf("3 · Knowledge")).isLessThan(editor.indexOf("5 · Channels and dates"));
        assertThat(editor).contains("hx-get=\"/knowledge/campaigns/" + campaign + "\"");

        String step = pages.get("/knowledge/campaigns/" + campaign).body();
        assertThat(step)
                .contains("data-testid=\"campaign-knowledge\"")
                .contains("data-testid=\"workspace-source-" + shared + "\"")
                .contains("handbook.txt")
                .contains("data-testid=\"no-campaign-knowledge\"")
                // another campaign's source is offered to attach, not used
                .contains("data-testid=\"other-source-" + others + "\" data-used=\"false\"");

        HttpResponse<String> added = upload(pages, campaign, "price-list.md", "# Prices\n\nDesk lamp: 49 dollars.");
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(added.body()).contains("price-list.md").doesNotContain("no-campaign-knowledge");
        String id = api.get("/api/v1/knowledge/sources?campaignId=" + campaign, t)
                .expect(200)
                .json()
                .path("data")
                .get(0)
                .path("id")
                .asText();
        assertThat(api.get("/api/v1/knowledge/sources/" + id, t)
                        .json()
                        .path("campaignId")
                        .asText())
                .isEqualTo(campaign);
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> pages.get("/knowledge/campaigns/" + campaign)
                        .body()
                        .contains("data-testid=\"campaign-source-" + id + "\" data-status=\"READY\""));

        HttpResponse<String> refused = upload(pages, campaign, "tool.exe", "MZ");
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("data-testid=\"campaign-knowledge-error\"");
        assertThat(api.get("/api/v1/knowledge/sources?campaignId=" + campaign, t)
                        .json()
                        .path("pagination")
                        .path("total")
                        .asInt())
                .as("nothing stored for a refused file")
                .isEqualTo(1);
    }

    private static HttpResponse<String> upload(PageClient pages, String campaign, String name, String content)
            throws Exception {
        String boundary = "----mc" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(content.getBytes(StandardCharsets.UTF_8));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return pages.post(
                "/knowledge/campaigns/" + campaign + "/sources",
                "multipart/form-data; boundary=" + boundary,
                body.toByteArray());
    }
}
