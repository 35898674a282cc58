package ai.revo.missioncontrol.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.BrowserTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/**
 * Settings → API keys in the browser: a user creates a key (shown once, copied), sees it listed, uses it against the
 * API and in Swagger UI, then revokes it after confirming.
 */
class ApiKeysBrowserTest extends BrowserTest {

    @Test
    void userCreatesAKeySeesItOnceUsesItAndRevokesIt() {
        Api api = api();
        Api.Session admin = api.signup();
        Page page = signIn(admin.email(), admin.password());
        page.setViewportSize(1440, 1000);
        page.getByTestId("main-nav")
                .locator("a[data-path='/settings/api-keys']")
                .click();
        page.waitForURL(baseUrl() + "/settings/api-keys");
        assertThat(page.getByTestId("api-keys-empty")).containsText("No API keys yet");
        for (int width : new int[] {390, 1440, 1920}) {
            page.setViewportSize(width, 1000);
            page.reload();
            screenshot(page, "api-keys-empty-" + width);
        }
        // the key is created on a phone-sized screen
        page.setViewportSize(390, 1000);
        page.reload();

        // no scope chosen: the reason is shown inside the dialog, nothing is created
        page.getByTestId("api-key-new").click();
        Locator dialog = page.getByTestId("api-key-dialog");
        assertThat(dialog).isVisible();
        dialog.getByLabel("Name").fill("CRM sync");
        dialog.locator("#scope-read").uncheck();
        page.getByTestId("api-key-create").click();
        assertThat(page.getByTestId("api-key-error")).containsText("scopes");
        assertThat(dialog.getByLabel("Name")).hasValue("CRM sync");

        dialog.locator("#scope-read").check();
        dialog.locator("#scope-write").check();
        dialog.getByLabel("Expires").selectOption("never");
        assertThat(dialog.locator("#api-key-never")).isVisible();
        page.getByTestId("api-key-create").click();
        assertThat(page.getByTestId("api-key-created")).containsText("shown this once");
        assertThat(page.getByTestId("api-key-warning")).containsText("never expires");
        String token = page.getByTestId("api-key-token").inputValue();
        org.assertj.core.api.Assertions.assertThat(token).startsWith("mc_pat_").hasSizeGreaterThan(40);
        page.getByTestId("api-key-copy").click();
        assertThat(page.getByTestId("api-key-copy")).containsText("Copied");
        for (int width : new int[] {390, 1440, 1920}) {
            page.setViewportSize(width, 1000);
            screenshot(page, "api-keys-created-" + width);
        }
        page.setViewportSize(1440, 1000);
        page.getByTestId("api-key-done").click();
        assertThat(dialog).isHidden();
        // the list behind the dialog was refreshed: the new key is there
        Locator row = page.locator("tr[data-key-name='CRM sync']");
        assertThat(row).hasAttribute("data-status", "ACTIVE");
        assertThat(row).containsText(token.substring(0, 11));
        assertThat(row).containsText(token.substring(token.length() - 4));
        assertThat(row).containsText("never");
        org.assertj.core.api.Assertions.assertThat(
                        page.locator("#api-keys-panel").innerHTML())
                .doesNotContain(token);

        // the key works as a bearer token, within its scopes
        org.assertj.core.api.Assertions.assertThat(api.get("/api/v1/me", token)
                        .expect(200)
                        .json()
                        .path("user")
                        .path("email")
                        .asText())
                .isEqualTo(admin.email());
        for (int width : new int[] {390, 1440, 1920}) {
            page.setViewportSize(width, 1000);
            page.reload();
            assertThat(page.locator("tr[data-key-name='CRM sync']")).not().containsText("never used");
            screenshot(page, "api-keys-list-" + width);
        }
        page.setViewportSize(1440, 1000);

        // Swagger UI offers the bearer scheme: paste the key, call GET /api/v1/me
        Page swagger = page.context().newPage();
        swagger.navigate(baseUrl() + "/swagger-ui.html");
        swagger.locator("button.authorize").first().click();
        swagger.locator(".auth-container input").first().fill(token);
        swagger.locator(".auth-btn-wrapper button.authorize").click();
        swagger.locator(".auth-btn-wrapper button.btn-done").click();
        Locator me = swagger.locator(".opblock:has(.opblock-summary-path[data-path='/api/v1/me'])")
                .first();
        me.locator(".opblock-summary").click();
        me.locator("button.try-out__btn").click();
        me.locator("button.execute").click();
        assertThat(me.locator(".live-responses-table .response .response-col_status")
                        .first())
                .containsText("200");
        assertThat(me.locator(".live-responses-table").first()).containsText(admin.email());
        me.screenshot(new Locator.ScreenshotOptions()
                .setPath(java.nio.file.Path.of("target", "screenshots", "api-keys-swagger-1440.png")));
        swagger.close();

        // revoke asks first; afterwards the key is refused
        row = page.locator("tr[data-key-name='CRM sync']");
        row.getByTestId("api-key-revoke").click();
        assertThat(page.getByTestId("confirm-ok")).isVisible();
        page.getByTestId("confirm-cancel").click();
        assertThat(page.locator("tr[data-key-name='CRM sync']")).hasAttribute("data-status", "ACTIVE");
        page.locator("tr[data-key-name='CRM sync']")
                .getByTestId("api-key-revoke")
                .click();
        page.getByTestId("confirm-ok").click();
        assertThat(page.getByTestId("api-key-revoked")).containsText("CRM sync revoked");
        assertThat(page.locator("tr[data-key-name='CRM sync']")).hasAttribute("data-status", "REVOKED");
        api.get("/api/v1/me", token).expectError(401, "UNAUTHORIZED");
        page.context().close();

        // a VIEWER can create a read-only key: only the read scope is offered
        Api.Session viewer = api.addUser(admin, "VIEWER");
        Page viewing = signIn(viewer.email(), viewer.password());
        viewing.navigate(baseUrl() + "/settings");
        viewing.getByTestId("settings-api-keys").click();
        viewing.waitForURL(baseUrl() + "/settings/api-keys");
        viewing.getByTestId("api-key-new").click();
        assertThat(viewing.locator("#scope-write")).hasCount(0);
        viewing.getByLabel("Name").fill("Read-only report");
        viewing.getByTestId("api-key-create").click();
        String viewerToken = viewing.getByTestId("api-key-token").inputValue();
        api.get("/api/v1/campaigns", viewerToken).expect(200);
        viewing.context().close();
    }
}
