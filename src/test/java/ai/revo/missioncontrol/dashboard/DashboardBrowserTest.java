package ai.revo.missioncontrol.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.BrowserTest;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.Test;

class DashboardBrowserTest extends BrowserTest {

    @Test
    void adminSignsInThroughTheFormAndSeesWhoAndWhere() {
        Api.Session admin = api().signup();
        Page page = signIn(admin.email(), admin.password());
        assertThat(page.getByTestId("welcome")).containsText(admin.email());
        assertThat(page.getByTestId("workspace-name")).hasText("Workspace " + admin.email());
        assertThat(page.getByTestId("my-role")).hasText("ADMIN");
        assertThat(page.getByTestId("main-nav").getByText("Users")).isVisible();
        screenshot(page, "home-admin");
        page.context().close();
    }

    @Test
    void wrongPasswordShowsAnErrorOnTheLoginPage() {
        Api.Session admin = api().signup();
        Page page = browser.newPage();
        page.navigate(baseUrl() + "/login");
        page.getByLabel("Email").fill(admin.email());
        page.getByLabel("Password").fill("Not-the-password-1");
        page.getByTestId("sign-in").click();
        assertThat(page.getByTestId("login-error")).isVisible();
        page.context().close();
    }

    @Test
    void viewerDoesNotSeeAdminControls() {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Session viewer = api.addUser(admin, "VIEWER");
        Page page = signIn(viewer.email(), viewer.password());
        assertThat(page.getByTestId("my-role")).hasText("VIEWER");
        assertThat(page.getByTestId("main-nav").getByText("Users")).hasCount(0);
        assertThat(page.getByTestId("manage-users")).hasCount(0);
        assertThat(page.getByTestId("read-only-note")).isVisible();
        Response users = page.navigate(baseUrl() + "/users");
        assertThat(users.status()).isEqualTo(403);
        page.context().close();
    }

    @Test
    void adminInvitesChangesRoleAndDeactivatesFromTheUsersPage() {
        Api api = api();
        Api.Session admin = api.signup();
        Page page = signIn(admin.email(), admin.password());
        page.getByTestId("main-nav").getByText("Users").click();
        String email = Api.uniqueEmail("teammate");
        page.locator("#invite-email").fill(email);
        page.locator("#invite-role").selectOption("CLOSER");
        page.getByTestId("invite-submit").click();
        assertThat(page.getByTestId("invite-result")).containsText(email);
        assertThat(page.getByTestId("invite-link"))
                .hasValue(java.util.regex.Pattern.compile(".*/accept-invite\\?token=.+"));
        screenshot(page, "users-invited");

        var row = page.locator("tr[data-email='" + email + "']");
        // the row is re-rendered by the server's answer; act on it only once that has arrived
        page.waitForResponse(
                r -> r.url().endsWith("/role"), () -> row.locator("select").selectOption("FINANCE"));
        assertThat(page.locator("tr[data-email='" + email + "'] select")).hasValue("FINANCE");
        page.locator("tr[data-email='" + email + "']").getByText("Deactivate").click();
        page.getByTestId("confirm-ok").click();
        assertThat(page.locator("tr[data-email='" + email + "']")).containsText("DEACTIVATED");
        page.context().close();
    }

    @Test
    void invitedUserChoosesAPasswordThenSignsIn() {
        Api api = api();
        Api.Session admin = api.signup();
        String email = Api.uniqueEmail("newbie");
        String url = api.post(
                        "/api/v1/users", admin.accessToken(), java.util.Map.of("email", email, "role", "OPERATOR"))
                .expect(201)
                .json()
                .path("invitation")
                .path("url")
                .asText();
        String path = url.substring(url.indexOf("/accept-invite"));
        Page page = browser.newPage();
        page.navigate(baseUrl() + path);
        page.getByLabel("New password").fill(Api.PASSWORD);
        page.getByLabel("Repeat the password").fill(Api.PASSWORD);
        page.getByText("Set password").click();
        page.waitForURL(baseUrl() + "/login?invited");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(Api.PASSWORD);
        page.getByTestId("sign-in").click();
        page.waitForURL(baseUrl() + "/");
        assertThat(page.getByTestId("my-role")).hasText("OPERATOR");
        page.context().close();
    }

    @Test
    void phoneSizedScreenStillShowsTheHomePage() {
        Api.Session admin = api().signup();
        Page page = signIn(admin.email(), admin.password());
        page.setViewportSize(390, 844);
        page.reload();
        assertThat(page.getByTestId("welcome")).isVisible();
        screenshot(page, "home-phone");
        page.context().close();
    }
}
