package ai.revo.missioncontrol.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.BrowserTest;
import com.microsoft.playwright.Page;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchBrowserTest extends BrowserTest {

    @Test
    void slashOpensTheSearchAndTheKeyboardPicksAResult() {
        Api api = api();
        Api.Session admin = api.signup();
        api.post("/api/v1/campaigns", admin.accessToken(), Map.of("name", "Northwind expansion"))
                .expect(201);
        String second = api.post("/api/v1/campaigns", admin.accessToken(), Map.of("name", "Northwind renewal"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        Page page = signIn(admin.email(), admin.password());
        page.setViewportSize(1440, 900);
        page.locator("body").press("/");
        assertThat(page.getByTestId("search-input")).isFocused();
        page.getByTestId("search-input").pressSequentially("northw");
        assertThat(page.locator("#search-dialog-results [data-search-hit]")).hasCount(2);
        assertThat(page.locator("#search-dialog-results [data-search-hit].active"))
                .hasCount(1);
        screenshot(page, "search-dialog-1440");
        String secondHref =
                page.locator("#search-dialog-results [data-search-hit]").nth(1).getAttribute("href");
        page.getByTestId("search-input").press("ArrowDown");
        page.getByTestId("search-input").press("Enter");
        page.waitForURL(baseUrl() + secondHref);

        // Ctrl-K from any page; Enter with nothing highlighted goes to the results page
        page.keyboard().press("Control+k");
        assertThat(page.getByTestId("search-input")).isFocused();
        page.getByTestId("search-input").fill("zz-nothing");
        assertThat(page.getByTestId("search-empty")).isVisible();
        page.getByTestId("search-input").press("Escape");
        assertThat(page.getByTestId("search-dialog")).not().isVisible();
        page.navigate(baseUrl() + "/search?q=renewal");
        assertThat(page.locator("[data-search-hit][data-id='" + second + "']")).isVisible();
        page.context().close();
    }

    @Test
    void searchWorksOnAPhone() {
        Api api = api();
        Api.Session admin = api.signup();
        api.post("/api/v1/contacts", admin.accessToken(), Map.of("firstName", "Marta", "email", "marta@shop.example"))
                .expect(200);
        Page page = signIn(admin.email(), admin.password());
        page.setViewportSize(390, 844);
        page.getByTestId("search-open").click();
        page.getByTestId("search-input").pressSequentially("marta");
        assertThat(page.locator("#search-dialog-results [data-kind=contact]")).hasCount(1);
        ShellBrowserTest.assertNoHorizontalOverflow(page);
        screenshot(page, "search-dialog-390");
        page.context().close();
    }
}
