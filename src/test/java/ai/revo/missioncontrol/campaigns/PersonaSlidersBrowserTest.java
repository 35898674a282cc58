package ai.revo.missioncontrol.campaigns;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.BrowserTest;
import com.microsoft.playwright.Page;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PersonaSlidersBrowserTest extends BrowserTest {

    @Test
    void slidersSayWhatTheirEndsMeanAndTheBandTheValueFallsInAndTemplateModeSaysThePersonaWaits() {
        Api api = api();
        Api.Session admin = api.signup();
        String campaign = api.post("/api/v1/campaigns", admin.accessToken(), Map.of("name", "Persona check"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        Page page = signIn(admin.email(), admin.password());
        page.navigate(baseUrl() + "/campaigns/" + campaign);
        assertThat(page.getByTestId("persona-template-mode")).containsText("shapes model-written messages only");
        assertThat(page.getByTestId("end-low-tone")).hasText("Formal");
        assertThat(page.getByTestId("end-high-tone")).hasText("Casual");
        assertThat(page.getByTestId("band-tone")).hasText("Friendly and professional");
        assertThat(page.getByTestId("band-emoji")).hasText("No emojis");
        page.getByTestId("slider-tone").fill("85");
        assertThat(page.getByTestId("band-tone")).hasText("Casual, slang welcome");
        assertThat(page.locator("#o-tone")).hasText("85");
        page.getByTestId("slider-tone").fill("29");
        assertThat(page.getByTestId("band-tone")).hasText("Very formal (Sir or Madam)");
        page.getByTestId("slider-tone").fill("30");
        assertThat(page.getByTestId("band-tone")).hasText("Friendly and professional");
        // the band shown is the instruction the model gets
        assertThat(page.getByTestId("prompt-preview")).containsText("Friendly and professional.");
        for (int width : new int[] {1440, 1920, 390}) {
            page.setViewportSize(width, 900);
            page.waitForTimeout(400); // the sidebar's open/close transition
            page.evaluate("window.scrollTo(0, 0)");
            screenshot(page, "persona-sliders-" + width);
        }
        page.context().close();
    }
}
