package ai.revo.missioncontrol.activity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.BrowserTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveDashboardBrowserTest extends BrowserTest {

    @Test
    void dryRunTurnedOffInOneBrowserShowsInAnothersFeedWithinTwoSeconds() {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Session operator = api.addUser(admin, "OPERATOR");

        Page watcher = signIn(operator.email(), operator.password());
        watcher.navigate(baseUrl() + "/feed");
        assertThat(watcher.getByTestId("live-indicator")).hasText("LIVE");
        assertThat(watcher.getByTestId("event-list")).containsText("user.added");

        Page adminPage = signIn(admin.email(), admin.password());
        adminPage.navigate(baseUrl() + "/safety");
        assertThat(adminPage.getByTestId("live-indicator")).hasText("LIVE");
        adminPage.getByTestId("switch-dryRunMode").click();
        assertThat(adminPage.locator("#confirm-dialog")).isVisible();
        adminPage.getByTestId("confirm-ok").click();
        long confirmedAt = System.nanoTime();

        Locator row = watcher.locator("[data-type='safety.dry_run.toggled']");
        assertThat(row).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(2000));
        long ms = (System.nanoTime() - confirmedAt) / 1_000_000;
        org.assertj.core.api.Assertions.assertThat(ms).isLessThan(2000);
        assertThat(row).containsText(admin.email());

        assertThat(adminPage.getByTestId("live-sending")).isVisible();
        assertThat(adminPage.getByTestId("switch-dryRunMode")).not().isChecked();
        assertThat(adminPage.getByTestId("last-change")).containsText(admin.email());
        assertThat(adminPage.getByTestId("safety-history")).containsText("safety.dry_run.toggled");
        screenshot(adminPage, "safety-admin");
        screenshot(watcher, "feed-live");
        watcher.context().close();
        adminPage.context().close();
    }

    @Test
    void cancellingTheConfirmationChangesNothing() {
        Api api = api();
        Api.Session admin = api.signup();
        Page page = signIn(admin.email(), admin.password());
        page.navigate(baseUrl() + "/safety");
        page.getByTestId("switch-EMAIL").click();
        page.getByTestId("confirm-cancel").click();
        assertThat(page.getByTestId("switch-EMAIL")).not().isChecked();
        org.assertj.core.api.Assertions.assertThat(api.get("/api/v1/settings/safety", admin.accessToken())
                        .json()
                        .path("channels")
                        .path("EMAIL")
                        .asBoolean())
                .isFalse();
        page.context().close();
    }

    @Test
    void nonAdminsSeeTheSwitchesButCannotChangeThem() {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Session viewer = api.addUser(admin, "VIEWER");
        Page page = signIn(viewer.email(), viewer.password());
        page.navigate(baseUrl() + "/safety");
        assertThat(page.getByTestId("switch-dryRunMode")).isDisabled();
        assertThat(page.getByTestId("main-nav").getByText("Audit")).hasCount(0);
        page.context().close();
    }

    @Test
    void outboundPageShowsASimulatedTestMessageLive() {
        Api api = api();
        Api.Session admin = api.signup();
        Page page = signIn(admin.email(), admin.password());
        page.navigate(baseUrl() + "/outbound");
        page.locator("#t-channel").selectOption("EMAIL");
        page.locator("#t-to").fill("prospect@example.com");
        page.locator("#t-subject").fill("Hello from the test");
        page.locator("#t-body").fill("This is only recorded while dry run is on.");
        page.getByTestId("test-send").click();
        page.getByTestId("confirm-ok").click();
        assertThat(page.getByTestId("test-result")).containsText("SIMULATED");
        assertThat(page.getByTestId("outbound-messages")).containsText("prospect@example.com");
        screenshot(page, "outbound");
        page.context().close();
    }

    @Test
    void auditPageListsChangesAndOffersCsv() {
        Api api = api();
        Api.Session admin = api.signup();
        api.patch("/api/v1/settings/safety", admin.accessToken(), Map.of("globalPause", true))
                .expect(200);
        Page page = signIn(admin.email(), admin.password());
        page.navigate(baseUrl() + "/audit");
        assertThat(page.getByTestId("audit-table")).containsText("safety.global_pause.toggled");
        api.patch("/api/v1/settings/safety", admin.accessToken(), Map.of("globalPause", false))
                .expect(200);
        // workspace.created and the two pause switches
        assertThat(page.getByTestId("audit-table").locator("tbody tr")).hasCount(3);
        var download =
                page.waitForDownload(() -> page.getByTestId("audit-export").click());
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).isEqualTo("audit-log.csv");
        screenshot(page, "audit");
        page.context().close();
    }

    @Test
    void longAuditLogsArePagedWithTheFiltersKept() {
        Api api = api();
        Api.Session admin = api.signup();
        for (int i = 0; i < 52; i++) {
            api.patch("/api/v1/settings/safety", admin.accessToken(), Map.of("channels", Map.of("SMS", i % 2 == 0)))
                    .expect(200);
        }
        Page page = signIn(admin.email(), admin.password());
        page.navigate(baseUrl() + "/audit?action=safety.");
        assertThat(page.getByText("Page 1 of 2")).isVisible();
        page.getByText("Next").click();
        assertThat(page.getByText("Page 2 of 2")).isVisible();
        assertThat(page.getByTestId("audit-table").locator("tbody tr")).hasCount(2);
        org.assertj.core.api.Assertions.assertThat(page.url())
                .contains("action=safety.")
                .contains("page=2");
        page.context().close();
    }
}
