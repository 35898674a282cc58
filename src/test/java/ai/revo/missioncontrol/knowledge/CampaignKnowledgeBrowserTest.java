package ai.revo.missioncontrol.knowledge;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.BrowserTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The campaign editor's Knowledge step in Chromium: a person sees the workspace's sources in use, uploads a file for
 * the campaign and watches it become READY, attaches another campaign's source, switches to only the ticked
 * workspace sources and ticks one, and sees a refused file's reason; the API agrees with what the step shows.
 */
class CampaignKnowledgeBrowserTest extends BrowserTest {

    private String source(String token, String name, String text, String campaignId) {
        String id = KnowledgeDocuments.upload(
                        api(), port, token, name, text.getBytes(StandardCharsets.UTF_8), campaignId)
                .expect(202)
                .json()
                .path("id")
                .asText();
        await().atMost(Duration.ofSeconds(90))
                .until(() -> api().get("/api/v1/knowledge/sources/" + id, token)
                        .expect(200)
                        .json()
                        .path("status")
                        .asText()
                        .equals("READY"));
        return id;
    }

    private JsonNode knowledge(String token, String campaign) {
        return api().get("/api/v1/knowledge/campaigns/" + campaign + "/sources", token)
                .expect(200)
                .json();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void aPersonChoosesTheCampaignsKnowledgeInTheEditor() {
        Api.Session admin = api().signup();
        String t = admin.accessToken();
        String campaign = api().post("/api/v1/campaigns", t, Map.of("name", "Spring launch " + UUID.randomUUID()))
                .expect(201)
                .json()
                .path("id")
                .asText();
        String other = api().post("/api/v1/campaigns", t, Map.of("name", "Autumn sale " + UUID.randomUUID()))
                .expect(201)
                .json()
                .path("id")
                .asText();
        String handbook = source(t, "handbook.txt", "Every lamp has a two year warranty and free repairs.", null);
        String autumn = source(t, "autumn-prices.txt", "Autumn prices: desk lamps at 39 dollars.", other);

        Page page = signIn(admin.email(), admin.password());
        page.navigate(baseUrl() + "/campaigns/" + campaign);
        Locator step = page.getByTestId("campaign-knowledge");
        assertThat(step).isVisible();
        assertThat(step.getByTestId("workspace-source-" + handbook)).containsText("handbook.txt");
        assertThat(step.getByTestId("workspace-source-" + handbook)).hasAttribute("data-used", "true");
        assertThat(step.getByTestId("campaign-knowledge-every")).isChecked();
        assertThat(step.getByTestId("other-source-" + autumn)).containsText("from Autumn sale");
        assertThat(step.getByTestId("attach-" + autumn)).not().isChecked();
        assertThat(step.getByTestId("no-campaign-knowledge")).isVisible();

        // a file for this campaign alone, read in the background while the step follows it
        page.locator("#ck-file")
                .setInputFiles(new FilePayload(
                        "spring-offer.md",
                        "text/markdown",
                        "# Spring offer\n\nEvery desk lamp ordered in April ships free."
                                .getBytes(StandardCharsets.UTF_8)));
        page.getByTestId("campaign-knowledge-upload").click();
        Locator own = page.locator("[data-testid^=campaign-source-]").first();
        assertThat(own).containsText("spring-offer.md");
        assertThat(own.getByTestId("campaign-source-status"))
                .hasText("READY", new LocatorAssertions.HasTextOptions().setTimeout(90_000));
        assertThat(own).containsText("1 passages");

        // attach the other campaign's price list
        page.getByTestId("attach-" + autumn).check();
        assertThat(page.getByTestId("other-source-" + autumn)).hasAttribute("data-used", "true");
        assertThat(page.getByTestId("attach-" + autumn)).isChecked();
        assertThat(texts(knowledge(t, campaign).path("attachedSourceIds"))).containsExactly(autumn);

        // only the ticked workspace sources: the handbook is no longer used until it is ticked
        page.getByTestId("campaign-knowledge-every").uncheck();
        assertThat(page.getByTestId("workspace-source-" + handbook)).hasAttribute("data-used", "false");
        assertThat(page.getByTestId("campaign-knowledge")).containsText("Only the ones ticked.");
        JsonNode only = knowledge(t, campaign);
        assertThat(only.path("everyWorkspaceSource").asBoolean()).isFalse();
        assertThat(texts(only.path("sourceIds"))).doesNotContain(handbook).contains(autumn);
        page.getByTestId("attach-" + handbook).check();
        assertThat(page.getByTestId("workspace-source-" + handbook)).hasAttribute("data-used", "true");
        assertThat(texts(knowledge(t, campaign).path("sourceIds"))).contains(handbook, autumn);
        for (int width : new int[] {390, 1440}) {
            page.setViewportSize(width, 900);
            page.getByTestId("wizard-knowledge-step").scrollIntoViewIfNeeded();
            screenshot(page, "campaign-knowledge-" + width);
        }
        page.setViewportSize(1280, 800);

        // a refused file: the reason in the step, nothing added
        page.locator("#ck-file")
                .setInputFiles(new FilePayload("tool.exe", "application/octet-stream", "MZ".getBytes()));
        page.getByTestId("campaign-knowledge-upload").click();
        assertThat(page.getByTestId("campaign-knowledge-error")).isVisible();
        assertThat(page.locator("[data-testid^=campaign-source-][data-status]")).hasCount(1);
    }
}
