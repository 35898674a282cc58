package ai.revo.missioncontrol.sequences;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.BrowserTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sequence pages in Chromium: the empty list, a sequence built step by step (a refused email step explained,
 * then an A/B email and a task), activated, the campaign's leads enrolled after confirming, the first step's results
 * with the A/B panel saying there is not enough data yet, one lead stopped and the sequence archived after
 * confirming; usable at 390 px wide.
 */
class SequencesBrowserTest extends BrowserTest {

    @Test
    void aPersonBuildsASequenceEnrolsLeadsAndStopsOne() {
        Api api = api();
        Api.Session admin = api.signup();
        String t = admin.accessToken();
        String campaign = SequenceApiTest.campaign(api, t);
        api.patch("/api/v1/campaigns/" + campaign + "/status", t, Map.of("status", "ACTIVE"))
                .expect(200);
        for (String name : new String[] {"Ada", "Grace"}) {
            api.post(
                            "/api/v1/leads",
                            t,
                            Map.of(
                                    "campaignId",
                                    campaign,
                                    "contact",
                                    Map.of(
                                            "email",
                                            Api.uniqueEmail("seq-page"),
                                            "firstName",
                                            name,
                                            "lastName",
                                            "Tester")))
                    .expect(201);
        }

        Page page = signIn(admin.email(), admin.password());
        page.setViewportSize(1440, 1000);
        page.getByTestId("main-nav").locator("a[data-path='/sequences']").click();
        page.waitForURL(baseUrl() + "/sequences");
        assertThat(page.getByTestId("sequences-empty")).containsText("No sequences yet");
        page.setViewportSize(390, 900);
        screenshot(page, "sequences-empty-390");
        page.setViewportSize(1440, 1000);

        page.getByLabel("Name").fill("Three touches");
        page.getByTestId("sequence-submit").click();
        page.waitForURL(java.util.regex.Pattern.compile(".*/sequences/[0-9a-f-]{36}$"));
        assertThat(page.getByTestId("sequence-name")).hasText("Three touches");
        assertThat(page.getByTestId("steps-empty")).isVisible();

        // an email step with one variant is refused, and the page says why
        page.getByLabel("Variant A subject").fill("Quick question, {{firstName}}");
        page.getByLabel("Variant A body").fill("Is outbound on your list this quarter?");
        page.getByTestId("step-add").click();
        assertThat(page.getByTestId("sequence-error")).containsText("variants[1].subject is required");

        page.getByLabel("Variant A subject").fill("Quick question, {{firstName}}");
        page.getByLabel("Variant A body").fill("Is outbound on your list this quarter?");
        page.getByLabel("Variant B subject").fill("A note for {{firstName}}");
        page.getByLabel("Variant B body").fill("We help teams like yours book meetings.");
        page.getByTestId("step-add").click();
        assertThat(page.getByTestId("step-1")).containsText("Quick question, {{firstName}}");
        assertThat(page.getByTestId("step-1")).containsText("right away");

        page.getByLabel("Kind").selectOption("TASK");
        page.getByLabel("Delay").fill("2");
        page.getByLabel("Unit").selectOption("BUSINESS_DAYS");
        page.getByLabel("Task for a person").fill("Call {{firstName}}");
        page.getByTestId("step-add").click();
        assertThat(page.getByTestId("step-2")).containsText("after 2 business days");
        assertThat(page.getByTestId("step-2")).containsText("Call {{firstName}}");

        page.getByTestId("sequence-activate").click();
        assertThat(page.getByTestId("sequence-detail")).hasAttribute("data-status", "ACTIVE");

        page.getByTestId("enrol-submit").click();
        page.getByTestId("confirm-ok").click();
        Locator rows = page.locator("[data-testid='enrolments-table'] tbody tr");
        assertThat(rows).hasCount(2);
        assertThat(page.getByTestId("enrolments-table")).containsText("Ada Tester");

        // the first step runs at once (its drafts wait in the approval inbox); the page refreshes its results
        assertThat(page.getByTestId("stats-step-1"))
                .containsText("2 reached", new LocatorAssertions.ContainsTextOptions().setTimeout(45_000));
        assertThat(page.getByTestId("ab-verdict")).hasAttribute("data-verdict", "NOT_ENOUGH_DATA");
        assertThat(page.getByTestId("ab-verdict")).containsText("Not enough data yet");
        page.setViewportSize(390, 900);
        page.reload();
        assertThat(page.getByTestId("stats-step-1")).containsText("2 reached");
        screenshot(page, "sequence-390");
        Object overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth");
        org.assertj.core.api.Assertions.assertThat(((Number) overflow).intValue())
                .isLessThanOrEqualTo(1);
        page.setViewportSize(1440, 1000);
        screenshot(page, "sequence-1440");

        Locator first = rows.first();
        first.locator("button:has-text('Stop')").click();
        page.getByTestId("confirm-ok").click();
        assertThat(page.locator("[data-testid='enrolments-table'] tbody tr[data-status='STOPPED']"))
                .hasCount(1);
        assertThat(page.locator("[data-testid='enrolments-table'] tbody tr[data-status='STOPPED']"))
                .containsText("stopped by a person");

        // archiving asks first; dismissing keeps it
        page.getByTestId("sequence-archive").click();
        page.keyboard().press("Escape");
        assertThat(page.getByTestId("sequence-detail")).hasAttribute("data-status", "ACTIVE");
        page.getByTestId("sequence-archive").click();
        page.getByTestId("confirm-ok").click();
        assertThat(page.getByTestId("sequence-detail")).hasAttribute("data-status", "ARCHIVED");

        page.navigate(baseUrl() + "/sequences");
        assertThat(page.getByTestId("sequences-table")).containsText("Three touches");
        assertThat(page.getByTestId("sequences-table")).containsText("ARCHIVED");
    }
}
