package ai.revo.missioncontrol.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.BrowserTest;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Settings → Workspace in the browser: the admin edits the workspace and its logo; others only read. */
class SettingsBrowserTest extends BrowserTest {

    @Test
    void adminEditsTheWorkspaceAndItsLogoFromTheSettingsPage() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        Page page = signIn(admin.email(), admin.password());
        page.getByTestId("main-nav").locator("a[data-path='/settings']").click();
        page.waitForURL(baseUrl() + "/settings");
        var card = page.getByTestId("settings-workspace");
        card.getByLabel("Name").fill("Lyon sales");
        card.getByLabel("Time zone").selectOption("Europe/Paris");
        card.getByLabel("Phone region").selectOption("FR");
        card.getByTestId("workspace-save").click();
        assertThat(page.getByTestId("workspace-saved")).containsText("Saved");
        assertThat(page.getByTestId("settings-workspace").getByLabel("Name")).hasValue("Lyon sales");
        assertThat(page.getByTestId("settings-workspace").getByLabel("Time zone"))
                .hasValue("Europe/Paris");
        page.getByTestId("settings-workspace")
                .getByLabel("Logo")
                .setInputFiles(new FilePayload("logo.png", "image/png", png(160, 48)));
        page.getByTestId("logo-upload").click();
        assertThat(page.getByTestId("workspace-logo")).isVisible();
        assertThat(page.getByTestId("workspace-saved")).containsText("Logo saved");
        for (int width : new int[] {390, 1440, 1920}) {
            page.setViewportSize(width, 1000);
            page.reload();
            assertThat(page.getByTestId("workspace-logo")).isVisible();
            screenshot(page, "settings-workspace-" + width);
        }
        // a file that is not an image is refused, with the reason, and the logo stays
        page.setViewportSize(1440, 1000);
        page.getByTestId("settings-workspace")
                .getByLabel("Logo")
                .setInputFiles(new FilePayload("logo.png", "image/png", "not an image".getBytes()));
        page.getByTestId("logo-upload").click();
        assertThat(page.locator("#flash")).containsText("not a PNG, JPEG or GIF");
        assertThat(page.getByTestId("workspace-logo")).isVisible();
        page.getByTestId("logo-remove").click();
        page.getByTestId("confirm-ok").click();
        assertThat(page.getByTestId("workspace-saved")).containsText("Logo removed");
        assertThat(page.getByTestId("workspace-logo")).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(api.get("/api/v1/settings/workspace", admin.accessToken())
                        .json()
                        .path("phoneRegion")
                        .asText())
                .isEqualTo("FR");
        page.context().close();

        Api.Session viewer = api.addUser(admin, "VIEWER");
        Page viewing = signIn(viewer.email(), viewer.password());
        viewing.navigate(baseUrl() + "/settings");
        assertThat(viewing.getByTestId("settings-workspace")).containsText("Lyon sales");
        assertThat(viewing.getByTestId("workspace-form")).hasCount(0);
        viewing.context().close();
    }

    @Test
    void adminSetsTheRelayAndASenderIdentityAndSendsATestEmail() {
        Api api = api();
        Api.Session admin = api.signup();
        Page page = signIn(admin.email(), admin.password());
        page.setViewportSize(1440, 1000);
        page.getByTestId("main-nav").locator("a[data-path='/settings/email']").click();
        page.waitForURL(baseUrl() + "/settings/email");
        assertThat(page.getByTestId("relay-status")).containsText("no SMTP relay");
        assertThat(page.getByTestId("relay-password-state")).hasText("not set");
        // this machine is refused as a relay, with the reason, and nothing is saved
        page.getByLabel("Host").fill("127.0.0.1");
        page.getByTestId("relay-save").click();
        assertThat(page.locator("#flash")).containsText("private network");
        page.locator("#flash .btn-close").click();
        page.getByLabel("Host").fill("93.184.215.14");
        page.getByLabel("Username").fill("mailer");
        page.locator("#relay-password").fill("Relay-Secret-123");
        page.getByTestId("relay-save").click();
        assertThat(page.getByTestId("email-sending-saved")).containsText("SMTP relay saved");
        assertThat(page.getByTestId("relay-status")).containsText("own relay");
        assertThat(page.getByTestId("relay-password-state")).hasText("set");
        org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContain("Relay-Secret-123");
        page.getByLabel("Display name").fill("Ada from Sales");
        page.getByLabel("Address").fill(admin.email());
        page.getByLabel("Reply-to (optional)").fill("replies@example.com");
        page.locator("#id-signature").fill("Ada\nSales team");
        page.getByTestId("identity-add").click();
        assertThat(page.getByTestId("identities-table")).containsText("Ada from Sales");
        assertThat(page.getByTestId("identities-table")).containsText("default");
        page.getByTestId("test-email-send").click();
        page.getByTestId("confirm-ok").click();
        assertThat(page.getByTestId("test-email-result")).containsText("Dry run is on: not sent");
        for (int width : new int[] {390, 1440, 1920}) {
            page.setViewportSize(width, 1000);
            page.evaluate("window.scrollTo(0, 0)");
            screenshot(page, "settings-email-" + width);
        }
        page.context().close();
    }

    static byte[] png(int width, int height) throws java.io.IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, (x + y) % 20 < 10 ? 0x206bc4 : 0xffffff);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
