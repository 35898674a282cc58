package ai.revo.missioncontrol.agents;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.BrowserTest;

class AgentsBrowserTest extends BrowserTest {

    @Test
    void anAdminPausesAnAgentAndAnotherUserSeesItLive() {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Session viewer = api.addUser(admin, "VIEWER");
        Page watcher = signIn(viewer.email(), viewer.password());
        watcher.navigate(baseUrl() + "/agents");
        assertThat(watcher.getByTestId("live-indicator")).hasText("LIVE");
        assertThat(watcher.locator("[data-agent='qa_reviewer'] [data-testid=agent-status]")).hasText("IDLE");
        assertThat(watcher.getByTestId("pause-qa_reviewer")).hasCount(0);

        Page page = signIn(admin.email(), admin.password());
        page.navigate(baseUrl() + "/agents");
        page.getByTestId("pause-qa_reviewer").click();
        page.getByTestId("confirm-ok").click();
        assertThat(page.locator("[data-agent='qa_reviewer'] [data-testid=agent-status]")).hasText("PAUSED");
        assertThat(watcher.locator("[data-agent='qa_reviewer'] [data-testid=agent-status]"))
                .hasText("PAUSED", new LocatorAssertions.HasTextOptions().setTimeout(5000));
        screenshot(page, "agents");
        page.getByTestId("resume-qa_reviewer").click();
        page.getByTestId("confirm-ok").click();
        assertThat(page.locator("[data-agent='qa_reviewer'] [data-testid=agent-status]")).hasText("IDLE");
        watcher.context().close();
        page.context().close();
    }
}
