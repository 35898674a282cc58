package ai.revo.missioncontrol.sms;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.BrowserTest;
import com.microsoft.playwright.Page;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Settings → SMS in the browser: an admin finds it in the navigation, sees that no Twilio account is connected, is
 * told plainly when the auth token is too short (nothing saved), connects the account, and then sees it connected
 * with the webhook URL to give Twilio and only the token's last four characters; phone-sized and desktop screens.
 */
class SmsSettingsBrowserTest extends BrowserTest {

    @Test
    void anAdminConnectsTheTwilioAccountAndSeesTheWebhookUrl() {
        Api api = api();
        Api.Session admin = api.signup();
        Page page = signIn(admin.email(), admin.password());
        page.setViewportSize(1440, 1000);
        page.getByTestId("main-nav").locator("a[data-path='/settings/sms']").click();
        page.waitForURL(baseUrl() + "/settings/sms");
        assertThat(page.getByTestId("sms-state")).hasText("Not connected");
        assertThat(page.getByTestId("sms-account")).containsText("No Twilio account is connected");
        for (int width : new int[] {390, 1440}) {
            page.setViewportSize(width, 1000);
            page.reload();
            screenshot(page, "sms-settings-empty-" + width);
        }

        // on a phone-sized screen: a token that is too short is refused by the server, with the field named
        page.setViewportSize(390, 1000);
        page.reload();
        String sid = "AC" + HexFormat.of().formatHex(new byte[16]).replace('0', 'a');
        String token = "0123456789abcdef0123456789ab7f3e";
        page.getByLabel("Account SID").fill(sid);
        page.getByLabel("Auth token").fill("short");
        page.getByLabel("or From number (E.164)").fill("+15005550006");
        page.getByTestId("sms-form").locator("button[type=submit]").click();
        assertThat(page.getByTestId("sms-error")).containsText("authToken");
        assertThat(page.getByTestId("sms-state")).hasText("Not connected");
        screenshot(page, "sms-settings-error-390");
        // what was typed stays in the form (never the token): fixing the token needs no retyping
        assertThat(page.getByLabel("Account SID")).hasValue(sid);
        assertThat(page.getByLabel("or From number (E.164)")).hasValue("+15005550006");
        assertThat(page.getByLabel("Auth token")).hasValue("");

        page.getByLabel("Auth token").fill(token);
        page.getByTestId("sms-form").locator("button[type=submit]").click();
        assertThat(page.getByTestId("sms-saved")).containsText("Twilio account saved");
        assertThat(page.getByTestId("sms-state")).hasText("Connected");
        assertThat(page.getByTestId("sms-webhook-url")).containsText("/api/v1/webhooks/sms/twilio/");
        assertThat(page.getByTestId("sms-replies")).containsText("SMS auto-reply");
        assertThat(page.getByLabel("Auth token")).hasAttribute("placeholder", java.util.regex.Pattern.compile("7f3e"));
        assertThat(page.getByLabel("Auth token")).hasValue("");
        org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContain(token);
        for (int width : new int[] {390, 1440}) {
            page.setViewportSize(width, 1000);
            page.reload();
            screenshot(page, "sms-settings-connected-" + width);
        }
        // the saved account is what the page shows after a reload, and what the API says
        assertThat(page.getByLabel("Account SID")).hasValue(sid);
        assertThat(page.getByLabel("or From number (E.164)")).hasValue("+15005550006");
        String webhook = page.getByTestId("sms-webhook-url").innerText().strip();
        org.assertj.core.api.Assertions.assertThat(api.get("/api/v1/settings/sms", admin.accessToken())
                        .expect(200)
                        .json()
                        .path("account")
                        .path("webhookUrl")
                        .asText())
                .isEqualTo(webhook);
        // nothing on the page is wider than a phone's screen
        page.setViewportSize(390, 1000);
        page.reload();
        org.assertj.core.api.Assertions.assertThat((Number) page.evaluate("document.documentElement.scrollWidth"))
                .satisfies(w ->
                        org.assertj.core.api.Assertions.assertThat(w.intValue()).isLessThanOrEqualTo(390));
    }
}
