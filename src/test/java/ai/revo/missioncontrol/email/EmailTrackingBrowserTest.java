package ai.revo.missioncontrol.email;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.BrowserTest;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class EmailTrackingBrowserTest extends BrowserTest {

    @Autowired
    TrackingTokens tokens;

    @Test
    void recipientUnsubscribesInTheBrowserAndTheGatewayRefusesTheAddressFromThenOn() {
        Api api = api();
        Api.Session admin = api.signup();
        TrackingFixture f = new TrackingFixture(database());
        String campaign = TrackingFixture.campaign(api, admin);
        String address = Api.uniqueEmail("jane");
        TrackingFixture.Email email = f.email(admin.tenantId(), campaign, null, address, "SENT", Instant.now());
        String token = tokens.sign(TrackingToken.Purpose.UNSUBSCRIBE, TenantId.of(admin.tenantId()), email.id(), null);

        // a recipient: no account, no session
        BrowserContext context =
                watchPolicy(browser.newContext(new Browser.NewContextOptions().setViewportSize(1024, 700)));
        Page page = context.newPage();
        page.navigate(baseUrl() + "/unsubscribe?t=" + token);
        assertThat(page.getByTestId("unsubscribe-address")).hasText("j***@e***.com");
        screenshot(page, "unsubscribe-confirm");
        page.getByTestId("unsubscribe-confirm").click();
        assertThat(page.getByTestId("unsubscribe-done")).isVisible();
        screenshot(page, "unsubscribe-done");

        var suppressions = api.get("/api/v1/suppressions?channel=EMAIL", admin.accessToken())
                .expect(200)
                .json();
        assertThat(suppressions.path("data").get(0).path("address").asText()).isEqualTo(address);
        assertThat(suppressions.path("data").get(0).path("reason").asText()).isEqualTo("UNSUBSCRIBED");
        assertThat(api.get("/api/v1/events/feed?type=email.unsubscribed", admin.accessToken())
                        .json()
                        .path("data")
                        .size())
                .isEqualTo(1);

        // visiting again shows it is done; the one-click POST again changes nothing
        page.navigate(baseUrl() + "/unsubscribe?t=" + token);
        assertThat(page.getByTestId("unsubscribe-done")).isVisible();
        api.send(
                        "POST",
                        "/unsubscribe?t=" + token,
                        null,
                        "List-Unsubscribe=One-Click",
                        Map.of("Content-Type", "application/x-www-form-urlencoded"))
                .expect(200);
        assertThat(api.get("/api/v1/suppressions?channel=EMAIL", admin.accessToken())
                        .json()
                        .path("data")
                        .size())
                .isEqualTo(1);
        page.navigate(baseUrl() + "/unsubscribe?t=" + token.substring(0, token.length() - 3) + "AAA");
        assertThat(page.getByTestId("unsubscribe-invalid")).isVisible();
        context.close();

        api.patch(
                        "/api/v1/settings/safety",
                        admin.accessToken(),
                        Map.of("dryRunMode", false, "channels", Map.of("EMAIL", true)))
                .expect(200);
        var outcome = api.post(
                        "/api/v1/outbound/test",
                        admin.accessToken(),
                        Map.of(
                                "channel",
                                "EMAIL",
                                "to",
                                address,
                                "subject",
                                "Again?",
                                "body",
                                "Hello again",
                                "idempotencyKey",
                                "unsub-" + email.id()))
                .expect(200)
                .json();
        assertThat(outcome.path("status").asText()).isEqualTo("BLOCKED_SUPPRESSED");
    }

    @Test
    void homePageShowsTheEmailFiguresAndChartsAndUpdatesLive() {
        Api api = api();
        Api.Session admin = api.signup();
        TrackingFixture f = new TrackingFixture(database());
        String campaign = TrackingFixture.campaign(api, admin);
        Instant now = Instant.now();
        TrackingFixture.Email first = null;
        for (int i = 0; i < 6; i++) {
            var e = f.email(
                    admin.tenantId(), campaign, null, Api.uniqueEmail("p"), "SENT", now.minusSeconds(3600L * (i * 7)));
            first = first == null ? e : first;
            if (i % 2 == 0) {
                f.db.sql("update emails set first_opened_at = ? where id = ?")
                        .params(Timestamp.from(now.minusSeconds(3600L * (i * 7) - 600)), e.id())
                        .update();
            }
        }
        var unopened = f.email(admin.tenantId(), campaign, null, Api.uniqueEmail("q"), "SENT", now);

        Page page = signIn(admin.email(), Api.PASSWORD);
        assertThat(page.getByTestId("brief")).isVisible();
        assertThat(page.getByTestId("stat-sent")).hasText("7");
        assertThat(page.getByTestId("stat-opens")).hasText("3");
        assertThat(page.getByTestId("email-daily-chart")).isVisible();
        assertThat(page.getByTestId("email-momentum-chart")).isVisible();
        page.waitForFunction("() => window.Chart && Chart.getChart(document.getElementById('email-daily-chart'))"
                + " && Chart.getChart(document.getElementById('email-momentum-chart'))");
        assertThat(page.getByTestId("live-indicator")).hasAttribute("data-state", "live");

        // an open arrives through the pixel: the cards and charts follow without a reload
        String pixel = tokens.sign(TrackingToken.Purpose.OPEN, TenantId.of(admin.tenantId()), unopened.id(), null);
        api.get("/api/v1/webhooks/email/open-pixel?t=" + pixel, null).expect(200);
        assertThat(page.getByTestId("stat-opens")).hasText("4");
        page.waitForFunction("() => Chart.getChart(document.getElementById('email-daily-chart'))");
        screenshot(page, "home-email-figures");
        page.context().close();
    }

    @Test
    void homePageShowsAnEmptyStateWithoutEmails() {
        Api api = api();
        Api.Session admin = api.signup();
        Page page = signIn(admin.email(), Api.PASSWORD);
        assertThat(page.getByTestId("email-empty")).isVisible();
        assertThat(page.getByTestId("stat-sent")).hasText("0");
        assertThat(page.getByTestId("who-am-i")).isVisible();
        page.context().close();
    }
}
