package ai.revo.missioncontrol.agents;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.BrowserTest;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;

class AgentsBrowserTest extends BrowserTest {

    @Test
    void anAdminPausesAnAgentAndAnotherUserSeesItLive() {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Session viewer = api.addUser(admin, "VIEWER");
        Page watcher = signIn(viewer.email(), viewer.password());
        watcher.navigate(baseUrl() + "/agents");
        assertThat(watcher.getByTestId("live-indicator")).hasText("LIVE");
        assertThat(watcher.locator("[data-agent='qa_reviewer'] [data-testid=agent-status]"))
                .hasText("IDLE");
        assertThat(watcher.getByTestId("pause-qa_reviewer")).hasCount(0);

        Page page = signIn(admin.email(), admin.password());
        page.navigate(baseUrl() + "/agents");
        page.getByTestId("pause-qa_reviewer").click();
        page.getByTestId("confirm-ok").click();
        assertThat(page.locator("[data-agent='qa_reviewer'] [data-testid=agent-status]"))
                .hasText("PAUSED");
        assertThat(watcher.locator("[data-agent='qa_reviewer'] [data-testid=agent-status]"))
                .hasText("PAUSED", new LocatorAssertions.HasTextOptions().setTimeout(5000));
        screenshot(page, "agents");
        page.getByTestId("resume-qa_reviewer").click();
        page.getByTestId("confirm-ok").click();
        assertThat(page.locator("[data-agent='qa_reviewer'] [data-testid=agent-status]"))
                .hasText("IDLE");
        // nothing is auto-approved until an admin allows it, with a confirmation
        assertThat(page.getByTestId("auto-first-message")).not().isChecked();
        page.getByTestId("auto-first-message").check();
        page.getByTestId("save-agent-settings").click();
        page.getByTestId("confirm-ok").click();
        assertThat(page.getByTestId("agent-settings")).containsText("Saved");
        org.assertj.core.api.Assertions.assertThat(api.get("/api/v1/agent-settings", admin.accessToken())
                        .json()
                        .path("autoApprove")
                        .toString())
                .isEqualTo("[\"FIRST_MESSAGE\"]");
        assertThat(watcher.getByTestId("agent-settings")).hasCount(0);
        watcher.context().close();
        page.context().close();
    }

    @Test
    void anOperatorRunsAnAgentFollowsTheRunAndSeesTheBriefAndTheFiguresUpdate() {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Session operator = api.addUser(admin, "OPERATOR");
        Page page = signIn(operator.email(), operator.password());
        page.navigate(baseUrl() + "/");
        assertThat(page.getByTestId("brief-empty")).isVisible();
        page.navigate(baseUrl() + "/agents");
        assertThat(page.getByTestId("llm-mode").first()).containsText("Template");
        assertThat(page.locator("[data-testid=figures-daily_briefer] [data-testid=runs-24h]"))
                .hasText("0");
        page.getByTestId("run-daily_briefer").click();
        page.getByTestId("confirm-ok").click();
        // the run page follows the run live until it has finished
        page.waitForURL("**/runs/*");
        assertThat(page.getByTestId("run-status"))
                .hasText("SUCCEEDED", new LocatorAssertions.HasTextOptions().setTimeout(15000));
        assertThat(page.getByTestId("run-items")).containsText("Daily brief");
        assertThat(page.getByTestId("llm-calls")).containsText("daily_brief");
        screenshot(page, "run-detail");
        page.navigate(baseUrl() + "/runs");
        assertThat(page.locator("[data-testid=runs] tbody tr")).hasCount(1);
        page.getByTestId("filter-status").selectOption("DEAD");
        assertThat(page.getByTestId("runs-empty")).isVisible();
        screenshot(page, "runs");
        page.navigate(baseUrl() + "/agents");
        assertThat(page.locator("[data-testid=figures-daily_briefer] [data-testid=runs-24h]"))
                .hasText("1");
        assertThat(page.locator("[data-testid=figures-daily_briefer] [data-testid=success-24h]"))
                .hasText("100%");
        page.navigate(baseUrl() + "/");
        assertThat(page.getByTestId("brief-blockers")).containsText("Dry-run is on");
        assertThat(page.getByTestId("brief-model")).containsText("template");
        screenshot(page, "home-brief");
        page.context().close();
    }
}
