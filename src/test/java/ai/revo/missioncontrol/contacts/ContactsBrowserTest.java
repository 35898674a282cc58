package ai.revo.missioncontrol.contacts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.BrowserTest;
import com.microsoft.playwright.Page;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactsBrowserTest extends BrowserTest {

    private void shots(Page page, String name) {
        for (int width : new int[] {390, 1440, 1920}) {
            page.setViewportSize(width, 900);
            screenshot(page, name + "-" + width);
        }
        page.setViewportSize(1280, 800);
    }

    @Test
    void aPersonAddsAContactEditsItEnrolsItAndWritesANoteOnItsTimeline() {
        Api api = api();
        Api.Session admin = api.signup();
        api.post("/api/v1/campaigns", admin.accessToken(), Map.of("name", "Autumn outreach"))
                .expect(201);
        api.post(
                        "/api/v1/contacts",
                        admin.accessToken(),
                        Map.of("email", "zoe@example.com", "firstName", "Zoe", "lastName", "Zimmer", "company", "Zeta"))
                .expect(200);

        Page page = signIn(admin.email(), admin.password());
        page.navigate(baseUrl() + "/contacts");
        assertThat(page.getByTestId("contacts-table")).containsText("Zoe Zimmer");
        page.getByTestId("add-contact-open").click();
        page.getByLabel("First name").first().fill("Ada");
        page.getByLabel("Last name").first().fill("Lovelace");
        page.locator("#ac-email").fill("ada@example.com");
        page.locator("#ac-phone").fill("+1 416 555 0199");
        page.locator("#ac-company").fill("Analytical Engines");
        page.getByTestId("add-contact-save").click();
        page.waitForURL(url -> url.contains("/contacts/"));
        assertThat(page.getByTestId("contact-name")).hasText("Ada Lovelace");
        assertThat(page.locator("#cd-phone")).hasValue("+14165550199");

        page.locator("#cd-title").fill("Countess");
        page.getByTestId("details-save").click();
        assertThat(page.getByTestId("details-saved")).isVisible();
        assertThat(page.locator("#cd-title")).hasValue("Countess");

        page.getByTestId("add-lead-save").click();
        assertThat(page.getByTestId("contact-campaigns")).containsText("Autumn outreach");
        assertThat(page.getByTestId("enrolment-status")).hasText("NEW");
        assertThat(page.getByTestId("contact-timeline")).containsText("Added to Autumn outreach");

        page.getByLabel("Add a note").fill("Prefers calls after 3 pm.");
        page.getByTestId("note-save").click();
        assertThat(page.getByTestId("note-text").first()).hasText("Prefers calls after 3 pm.");
        assertThat(page.getByLabel("Add a note")).hasValue("");
        shots(page, "contact-page");

        page.navigate(baseUrl() + "/contacts?sort=name&order=asc");
        assertThat(page.locator("[data-contact] a").first()).hasText("Ada Lovelace");
        page.getByTestId("sort-name").click();
        assertThat(page.locator("[data-contact] a").first()).hasText("Zoe Zimmer");
        page.getByPlaceholder("Name, email, company or phone").fill("analytical");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter"))
                .click();
        assertThat(page.locator("[data-contact]")).hasCount(1);
        shots(page, "contacts-list");

        page.navigate(baseUrl() + "/leads");
        page.getByTestId("lead-contact-link").first().click();
        page.waitForURL(url -> url.contains("/contacts/"));
        assertThat(page.getByTestId("contact-name")).hasText("Ada Lovelace");
    }

    @Test
    void theLeadsPageAddsALeadAndAViewerSeesNoForms() {
        Api api = api();
        Api.Session admin = api.signup();
        api.post("/api/v1/campaigns", admin.accessToken(), Map.of("name", "Leads form"))
                .expect(201);
        Page page = signIn(admin.email(), admin.password());
        page.navigate(baseUrl() + "/leads");
        page.getByTestId("add-lead-open").click();
        page.locator("#nl-email").fill("grace@example.com");
        page.locator("#nl-first").fill("Grace");
        page.getByTestId("add-lead-save").click();
        assertThat(page.getByTestId("leads-table")).containsText("Grace");
        page.locator("#nl-email").fill("grace2@example.com");
        page.locator("#nl-phone").fill("12");
        page.getByTestId("add-lead-save").click();
        assertThat(page.locator("#flash")).containsText("phone");
        shots(page, "leads-add-lead");

        Api.Session viewer = api.addUser(admin, "VIEWER");
        Page viewerPage = signIn(viewer.email(), viewer.password());
        viewerPage.navigate(baseUrl() + "/contacts");
        assertThat(viewerPage.getByTestId("add-contact-open")).hasCount(0);
        viewerPage.locator("[data-contact] a").first().click();
        assertThat(viewerPage.getByTestId("note-form")).hasCount(0);
        assertThat(viewerPage.locator("#cd-email")).isDisabled();
    }
}
