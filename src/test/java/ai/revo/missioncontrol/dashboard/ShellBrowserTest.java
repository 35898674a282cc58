package ai.revo.missioncontrol.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.BrowserTest;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShellBrowserTest extends BrowserTest {

    @Test
    void sidebarShowsLabelledGroupsMarksTheCurrentPageAndFitsFromDesktopToWideScreens() {
        Api.Session admin = api().signup();
        Page page = signIn(admin.email(), admin.password());
        for (int width : List.of(1440, 1920, 2560)) {
            page.setViewportSize(width, 1000);
            page.navigate(baseUrl() + "/campaigns");
            Locator nav = page.getByTestId("main-nav");
            for (String group : List.of("Sell", "Automate", "Watch", "Settings")) {
                assertThat(nav.locator(".mc-nav-heading", new Locator.LocatorOptions().setHasText(group)))
                        .isVisible();
            }
            assertThat(nav.locator("a[aria-current=page]")).hasCount(1);
            assertThat(nav.locator("a[aria-current=page]")).hasAttribute("data-path", "/campaigns");
            assertThat(nav.locator("[data-group=sell] a[data-path='/leads']")).isVisible();
            assertThat(nav.locator("[data-group=watch] a[data-path='/feed']")).isVisible();
            assertThat(page.getByTestId("live-indicator")).isVisible();
            assertThat(page.getByTestId("user-menu")).isVisible();
            assertNoHorizontalOverflow(page);
            screenshot(page, "shell-" + width);
        }
        // a page below an entry's path marks that entry
        page.navigate(baseUrl() + "/runs");
        assertThat(page.getByTestId("main-nav").locator("a[aria-current=page]")).hasAttribute("data-path", "/runs");
        page.context().close();
    }

    @Test
    void onAPhoneTheSidebarIsAnOffCanvasMenu() {
        Api.Session admin = api().signup();
        BrowserContext context =
                watchPolicy(browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)));
        Page page = signInIn(context, admin);
        page.navigate(baseUrl() + "/leads");
        assertThat(page.getByTestId("live-indicator")).isVisible();
        assertThat(page.getByTestId("user-menu")).isVisible();
        assertThat(page.getByTestId("sidebar-open")).isVisible();
        assertThat(leftEdgeOf(page.getByTestId("sidebar")) + widthOf(page.getByTestId("sidebar")))
                .isLessThanOrEqualTo(0.5);
        assertNoHorizontalOverflow(page);
        screenshot(page, "shell-390-closed");

        page.getByTestId("sidebar-open").click();
        page.waitForFunction("() => document.getElementById('sidebar').getBoundingClientRect().left >= 0");
        assertThat(page.getByTestId("main-nav").locator("a[aria-current=page]")).hasAttribute("data-path", "/leads");
        screenshot(page, "shell-390-open");
        page.getByTestId("main-nav").locator("a[data-path='/campaigns']").click();
        page.waitForURL(baseUrl() + "/campaigns");
        assertThat(leftEdgeOf(page.getByTestId("sidebar")) + widthOf(page.getByTestId("sidebar")))
                .isLessThanOrEqualTo(0.5);
        context.close();
    }

    @Test
    void collapsingTheSidebarToIconsIsRememberedForThatUserOnly() {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Session viewer = api.addUser(admin, "VIEWER");
        Page page = signIn(viewer.email(), viewer.password());
        page.setViewportSize(1440, 900);
        Locator label = page.getByTestId("main-nav").locator("a[data-path='/campaigns'] .mc-nav-label");
        assertThat(label).isVisible();
        page.waitForResponse(
                r -> r.url().endsWith("/shell/preferences") && r.status() == 204,
                () -> page.getByTestId("sidebar-collapse").click());
        assertThat(page.locator("body")).hasClass(java.util.regex.Pattern.compile(".*mc-sidebar-collapsed.*"));
        // the width animates (.15 s): wait for it to settle before measuring
        page.waitForFunction(
                "() => document.querySelector('[data-testid=sidebar]').getBoundingClientRect().width < 80");
        assertThat(widthOf(page.getByTestId("sidebar"))).isLessThan(80);
        assertNoHorizontalOverflow(page);
        screenshot(page, "shell-1440-collapsed");

        // another browser, same user: still collapsed; another user: not
        Page again = signIn(viewer.email(), viewer.password());
        again.setViewportSize(1440, 900);
        assertThat(again.locator("body")).hasClass(java.util.regex.Pattern.compile(".*mc-sidebar-collapsed.*"));
        Page other = signIn(admin.email(), admin.password());
        assertThat(other.locator("body")).not().hasClass(java.util.regex.Pattern.compile(".*mc-sidebar-collapsed.*"));
        assertThat(api.get("/api/v1/me/preferences", viewer.accessToken())
                        .expect(200)
                        .json()
                        .path("sidebarCollapsed")
                        .asBoolean())
                .isTrue();
        page.context().close();
        again.context().close();
        other.context().close();
    }

    @Test
    void approvalsBadgeCountsDraftsWaitingAndFollowsLiveEvents() {
        Api api = api();
        Api.Session admin = api.signup();
        String campaign = api.post("/api/v1/campaigns", admin.accessToken(), Map.of("name", "Badges"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        submitDraft(api, admin, campaign, "ada@example.com");
        Page page = signIn(admin.email(), admin.password());
        Locator badge = page.getByTestId("main-nav").locator("[data-badge-for='/approvals']");
        assertThat(badge).hasText("1");
        assertThat(badge).hasAttribute("title", "1 drafts awaiting approval");
        assertThat(page.getByTestId("live-indicator")).hasText("LIVE");

        submitDraft(api, admin, campaign, "grace@example.com");
        assertThat(page.getByTestId("main-nav").locator("[data-badge-for='/approvals']"))
                .hasText("2");
        screenshot(page, "shell-badges");
        page.context().close();
    }

    static void submitDraft(Api api, Api.Session admin, String campaign, String email) {
        String lead = api.post(
                        "/api/v1/leads",
                        admin.accessToken(),
                        Map.of("campaignId", campaign, "contact", Map.of("email", email)))
                .expect(201)
                .json()
                .path("id")
                .asText();
        String draft = api.post(
                        "/api/v1/drafts",
                        admin.accessToken(),
                        Map.of(
                                "campaignId",
                                campaign,
                                "leadId",
                                lead,
                                "channel",
                                "EMAIL",
                                "subject",
                                "Hello",
                                "bodyText",
                                "Hi there"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        api.patch("/api/v1/drafts/" + draft, admin.accessToken(), Map.of("status", "NEEDS_APPROVAL"))
                .expect(200);
    }

    private Page signInIn(BrowserContext context, Api.Session who) {
        Page page = context.newPage();
        page.navigate(baseUrl() + "/login");
        page.getByLabel("Email").fill(who.email());
        page.getByLabel("Password").fill(who.password());
        page.getByTestId("sign-in").click();
        page.waitForURL(baseUrl() + "/");
        return page;
    }

    static void assertNoHorizontalOverflow(Page page) {
        Object overflow =
                page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue())
                .as("horizontal overflow in px")
                .isLessThanOrEqualTo(0);
    }

    static double leftEdgeOf(Locator locator) {
        return locator.boundingBox().x;
    }

    static double widthOf(Locator locator) {
        return locator.boundingBox().width;
    }
}
