package ai.revo.missioncontrol.scheduling;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.BrowserTest;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;

class SchedulerBrowserTest extends BrowserTest {

    @Test
    void anAdminEditsDisablesAndRunsAJobAndSeesTheRunInTheHistory() {
        Api api = api();
        Api.Session admin = api.signup();
        Page page = signIn(admin.email(), admin.password());
        page.navigate(baseUrl() + "/scheduler");
        assertThat(page.locator("[data-job]")).hasCount(5);
        assertThat(page.getByTestId("runs-empty")).isVisible();
        // next fire times are formatted in the browser, not left as ISO text
        assertThat(page.locator("[data-job='daily_brief'] [data-testid=next-job-zone]"))
                .not()
                .hasText(java.util.regex.Pattern.compile("Z$"));

        page.getByTestId("edit-daily_brief").click();
        page.getByTestId("cron-daily_brief").fill("0 30 16 * * *");
        page.getByTestId("save-daily_brief").click();
        assertThat(page.getByTestId("edit-error")).containsText("five fields");
        page.getByTestId("cron-daily_brief").fill("45 17 * * 1-5");
        page.getByTestId("save-daily_brief").click();
        assertThat(page.locator("[data-job='daily_brief'] [data-testid=job-cron]"))
                .hasText("45 17 * * 1-5");

        page.getByTestId("toggle-lead_research").click();
        assertThat(page.locator("[data-job='lead_research'] [data-testid=job-enabled]"))
                .hasText("Disabled");
        assertThat(page.getByTestId("run-now-lead_research")).isDisabled();

        page.getByTestId("run-now-daily_brief").click();
        page.getByTestId("confirm-ok").click();
        assertThat(page.getByTestId("run-queued")).isVisible();
        assertThat(page.locator("[data-run]")).hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(10000));
        assertThat(page.locator("[data-run] [data-testid=run-status]"))
                .not()
                .hasText("QUEUED", new LocatorAssertions.HasTextOptions().setTimeout(10000));
        screenshot(page, "scheduler");
        page.context().close();
    }

    @Test
    void aViewerSeesJobsWithoutChangeControls() {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Session viewer = api.addUser(admin, "VIEWER");
        Page page = signIn(viewer.email(), viewer.password());
        page.navigate(baseUrl() + "/scheduler");
        assertThat(page.locator("[data-job]")).hasCount(5);
        assertThat(page.getByTestId("run-now-daily_brief")).hasCount(0);
        assertThat(page.getByTestId("edit-daily_brief")).hasCount(0);
        page.context().close();
    }
}
