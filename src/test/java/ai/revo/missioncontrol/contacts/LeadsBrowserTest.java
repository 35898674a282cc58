package ai.revo.missioncontrol.contacts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.BrowserTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeadsBrowserTest extends BrowserTest {

    private static void drag(Page page, Locator item, Locator target) {
        var from = item.boundingBox();
        var to = target.boundingBox();
        page.mouse().move(from.x + from.width / 2, from.y + from.height / 2);
        page.mouse().down();
        page.mouse()
                .move(from.x + from.width / 2 + 5, from.y + from.height / 2 + 5, new Mouse.MoveOptions().setSteps(5));
        page.mouse().move(to.x + to.width / 2, to.y + 20, new Mouse.MoveOptions().setSteps(20));
        page.mouse().up();
    }

    @Test
    void pipelineMovesFollowTheStateMachineAndAdminsOverrideScores() {
        Api api = api();
        Api.Session admin = api.signup();
        String campaign = api.post("/api/v1/campaigns", admin.accessToken(), Map.of("name", "Pipeline"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        String lead = api.post(
                        "/api/v1/leads",
                        admin.accessToken(),
                        Map.of(
                                "campaignId",
                                campaign,
                                "score",
                                "C",
                                "potentialValue",
                                5000,
                                "currency",
                                "CAD",
                                "contact",
                                Map.of("email", "mona@example.com")))
                .expect(201)
                .json()
                .path("id")
                .asText();

        Page page = signIn(admin.email(), admin.password());
        page.navigate(baseUrl() + "/leads?view=pipeline&campaignId=" + campaign);
        assertThat(page.getByTestId("stage-NEW").locator("[data-lead='" + lead + "']"))
                .isVisible();
        page.waitForResponse(
                r -> r.url().endsWith("/status"),
                () -> drag(page, page.locator("[data-lead='" + lead + "']"), page.getByTestId("stage-ENRICHED")));
        assertThat(page.getByTestId("stage-ENRICHED").locator("[data-lead='" + lead + "']"))
                .isVisible();
        org.assertj.core.api.Assertions.assertThat(api.get("/api/v1/leads/" + lead, admin.accessToken())
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("ENRICHED");
        page.waitForResponse(
                r -> r.url().endsWith("/status"),
                () -> drag(page, page.locator("[data-lead='" + lead + "']"), page.getByTestId("stage-WON")));
        assertThat(page.locator("#flash")).containsText("cannot move to WON");
        assertThat(page.getByTestId("stage-ENRICHED").locator("[data-lead='" + lead + "']"))
                .isVisible();
        screenshot(page, "leads-pipeline");

        page.navigate(baseUrl() + "/leads");
        assertThat(page.getByTestId("lead-score")).hasText("C");
        page.getByTestId("override-open").click();
        page.locator("[data-lead='" + lead + "'] select[name=score]").selectOption("A");
        page.locator("[data-lead='" + lead + "'] input[name=reason]").fill("Met at the trade fair");
        page.getByTestId("override-save").click();
        assertThat(page.getByTestId("lead-score")).hasText("A");
        page.context().close();
    }
}
