package ai.revo.missioncontrol.operator;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.BrowserTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

class OperatorConsoleBrowserTest extends BrowserTest {

    @Test
    void theOperatorSandboxesApprovesAndSuspendsAWorkspaceFromTheConsole() {
        Api.Session admin = api().signup();
        Page page = signIn("bootstrap-admin@example.com", BOOTSTRAP_PASSWORD);
        assertThat(page.getByTestId("main-nav").getByText("Operator console")).isVisible();
        page.navigate(baseUrl() + "/operator");
        Locator row = page.locator("[data-workspace='" + admin.tenantId() + "']");
        assertThat(row).containsText(admin.email());
        assertThat(row.getByTestId("standing")).hasText("Outbound approved");
        row.getByText("Sandbox").click();
        page.getByTestId("confirm-ok").click();
        assertThat(page.locator("[data-workspace='" + admin.tenantId() + "']").getByTestId("standing"))
                .hasText("Sandboxed");
        assertThat(page.getByTestId("installation-settings")).containsText("SMTP relay");
        for (int width : new int[] {390, 1440, 1920}) {
            page.setViewportSize(width, 900);
            screenshot(page, "operator-console-" + width);
        }
        page.locator("[data-workspace='" + admin.tenantId() + "']")
                .getByText("Approve outbound")
                .click();
        page.getByTestId("confirm-ok").click();
        assertThat(page.locator("[data-workspace='" + admin.tenantId() + "']").getByTestId("standing"))
                .hasText("Outbound approved");
        page.context().close();
    }

    @Test
    void aWorkspaceAdminSeesNoConsoleAndNoInstallationSettings() {
        Api.Session admin = api().signup();
        Page page = signIn(admin.email(), admin.password());
        assertThat(page.getByTestId("main-nav").getByText("Operator console")).hasCount(0);
        assertThat(page.navigate(baseUrl() + "/operator").status()).isEqualTo(403);
        page.context().close();
    }
}
