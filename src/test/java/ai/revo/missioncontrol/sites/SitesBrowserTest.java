package ai.revo.missioncontrol.sites;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.BrowserTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SitesBrowserTest extends BrowserTest {

    @Test
    void anAdminConnectsASiteSeesItConnectedFixesAFailedEventByItsMappingAndReprocesses() {
        Api api = api();
        Api.Session admin = api.signup();
        Page page = signIn(admin.email(), admin.password());
        page.getByTestId("main-nav")
                .getByText("Sites", new Locator.GetByTextOptions().setExact(true))
                .click();
        page.waitForURL(url -> url.endsWith("/sites"));
        assertThat(page.getByTestId("no-sites")).isVisible();

        page.locator("#site-name").fill("CleanJet");
        page.locator("#site-url").fill("https://cleanjet-phi.vercel.app");
        page.getByTestId("connect-auth").selectOption("SHARED_SECRET");
        page.getByTestId("connect-submit").click();
        Locator card = page.getByTestId("secret-card");
        String secret = card.getByTestId("secret").innerText().trim();
        String endpoint = card.getByTestId("endpoint").innerText().trim();
        assertThat(card.getByTestId("test-curl")).containsText("x-webhook-secret: " + secret);
        assertThat(card.getByTestId("wizard-status")).hasAttribute("data-status", "WAITING");
        for (int width : new int[] {390, 1440}) {
            page.setViewportSize(width, 900);
            screenshot(page, "sites-connect-" + width);
        }
        page.setViewportSize(1280, 800);

        // the first event, in a shape the default mapping cannot read
        String path = endpoint.substring(endpoint.indexOf("/api/v1/ingest/"));
        api.send(
                        "POST",
                        path,
                        null,
                        "{\"who\":{\"mail\":\"" + Api.uniqueEmail("jess") + "\"}}",
                        Map.of("x-webhook-secret", secret))
                .expect(202);
        assertThat(card.getByTestId("wizard-status"))
                .hasAttribute(
                        "data-status", "CONNECTED", new LocatorAssertions.HasAttributeOptions().setTimeout(20_000));
        assertThat(page.getByTestId("sites-table").getByTestId("site-status"))
                .hasText("CONNECTED", new LocatorAssertions.HasTextOptions().setTimeout(20_000));

        page.getByTestId("sites-table")
                .getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions().setName("CleanJet").setExact(true))
                .click();
        Locator event = page.getByTestId("events").locator("tbody tr").first();
        assertThat(event)
                .hasAttribute("data-status", "FAILED", new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
        assertThat(event).containsText("no email, phone or name");

        page.getByTestId("mapping-json").fill("{\"preset\":\"GENERIC\",\"fields\":{\"email\":\"$.who.mail\"}}");
        page.getByTestId("preview-button").click();
        assertThat(page.getByTestId("preview-contact")).containsText("@example.com");
        page.getByTestId("save-mapping").click();
        assertThat(page.locator("#flash")).containsText("Mapping saved");
        page.getByTestId("reprocess-range").click();
        page.getByTestId("confirm-ok").click();
        assertThat(page.getByTestId("queued")).containsText("1 event(s) queued");
        page.reload();
        assertThat(page.getByTestId("events").locator("tbody tr").first())
                .hasAttribute(
                        "data-status", "PROCESSED", new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
        screenshot(page, "sites-site");
    }
}
