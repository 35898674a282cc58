package ai.revo.missioncontrol.campaigns;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.BrowserTest;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

class CampaignsBrowserTest extends BrowserTest {

    @Test
    void createTunePreviewSaveAndActivateACampaign() {
        Api.Session admin = api().signup();
        Page page = signIn(admin.email(), admin.password());
        page.navigate(baseUrl() + "/campaigns");
        assertThat(page.getByTestId("campaigns-empty")).isVisible();
        page.locator("#n-name").fill("Spring roofs");
        page.locator("#n-objective").fill("Book inspections");
        page.getByTestId("create-campaign").click();
        page.waitForURL(java.util.regex.Pattern.compile(".*/campaigns/[0-9a-f-]{36}$"));
        assertThat(page.getByTestId("prompt-preview")).containsText("Friendly and professional");

        assertThat(page.getByTestId("campaign-stats")).containsText("drafts waiting");
        page.locator("#e-industries").fill("Roofing:90, Construction:60");
        page.getByTestId("slider-tone").fill("95");
        assertThat(page.getByTestId("prompt-preview")).containsText("Gen-Z");
        screenshot(page, "campaign-editor");
        page.getByTestId("save-campaign").click();
        assertThat(page.getByTestId("campaign-saved")).isVisible();
        assertThat(page.locator("#e-industries")).hasValue("Roofing:90, Construction:60");
        assertThat(page.getByTestId("prompt-preview")).containsText("Gen-Z");

        page.getByTestId("move-ACTIVE").click();
        page.getByTestId("confirm-ok").click();
        assertThat(page.getByTestId("campaign-status")).hasText("ACTIVE");
        page.navigate(baseUrl() + "/campaigns");
        assertThat(page.getByTestId("campaigns-table")).containsText("Spring roofs");
        page.context().close();
    }
}
