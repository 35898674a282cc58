package ai.revo.missioncontrol.email;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.BrowserTest;
import com.microsoft.playwright.Page;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A reply received rings the bell of every open dashboard, live; opening it marks it read for that user. */
class ReplyNotificationBrowserTest extends BrowserTest {

    @Test
    void replyRingsTheBellLiveAndOpeningItMarksItRead() {
        Api api = api();
        Api.Session admin = api.signup();
        TrackingFixture f = new TrackingFixture(database());
        String campaign = TrackingFixture.campaign(api, admin);
        String to = Api.uniqueEmail("lead");
        String lead = TrackingFixture.contactedLead(api, admin, campaign, to);
        TrackingFixture.Email sent = f.email(admin.tenantId(), campaign, lead, to, "SENT", Instant.now());
        String secret = TrackingFixture.secret(api, admin);

        Page page = signIn(admin.email(), admin.password());
        page.setViewportSize(1440, 900);
        assertThat(page.getByTestId("live-indicator")).hasText("LIVE");
        assertThat(page.getByTestId("bell-count")).hasAttribute("data-unread", "0");

        String body = "{\"messageId\":\"" + sent.messageId()
                + "\",\"replySubject\":\"Re: Hello\",\"replyBody\":\"Interested!\"}";
        long now = Instant.now().getEpochSecond();
        TrackingFixture.webhook(api, "reply", TrackingFixture.signature(secret, now, body), body)
                .expect(200);

        assertThat(page.getByTestId("bell-count")).hasAttribute("data-unread", "1");
        assertThat(page.getByTestId("bell-count")).isVisible();
        page.getByTestId("bell").click();
        assertThat(page.locator("[data-testid=notification][data-kind=REPLY_RECEIVED]"))
                .containsText(to + " replied");
        screenshot(page, "notifications-1440");
        // the reply is filed in its conversation (the Inbox badge counts it); the notification opens that thread
        assertThat(page.locator("[data-badge-for='/inbox']"))
                .hasText(
                        "1",
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(60_000));
        page.locator("[data-testid=notification][data-kind=REPLY_RECEIVED]").click();
        page.waitForURL(java.util.regex.Pattern.compile(".*/inbox/[0-9a-f-]{36}$"));
        assertThat(page.getByTestId("thread")).containsText("Interested!");
        assertThat(page.getByTestId("bell-count")).hasAttribute("data-unread", "0");

        page.setViewportSize(390, 844);
        page.getByTestId("bell").click();
        assertThat(page.locator("[data-testid=notification][data-kind=REPLY_RECEIVED]"))
                .hasAttribute("data-read", "true");
        screenshot(page, "notifications-390");
        page.context().close();
    }
}
