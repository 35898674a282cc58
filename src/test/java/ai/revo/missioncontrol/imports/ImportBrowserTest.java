package ai.revo.missioncontrol.imports;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.BrowserTest;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportBrowserTest extends BrowserTest {

    private void shots(Page page, String name) {
        for (int width : new int[] {390, 1440, 1920}) {
            page.setViewportSize(width, 900);
            screenshot(page, name + "-" + width);
        }
        page.setViewportSize(1280, 800);
    }

    @Test
    void aPersonUploadsMapsChecksAndImportsAListAndSeesTheSummary() {
        Api api = api();
        Api.Session admin = api.signup();
        api.post("/api/v1/campaigns", admin.accessToken(), Map.of("name", "Fair leads"))
                .expect(201);
        String csv = """
                Full name,Work email,Cell,Organisation,Remarks
                Hana Hill,hana@example.com,416 555 0111,Hill & Co,met at booth
                Ian Ivy,ian.example.com,416 555 0112,Ivy Ltd,
                Jo Jay,jo@example.com,,Jay Inc,
                Hana H.,HANA@example.com,,,duplicate
                """;
        Page page = signIn(admin.email(), admin.password());
        page.navigate(baseUrl() + "/contacts");
        page.getByTestId("open-import").click();
        page.waitForURL(url -> url.endsWith("/imports"));
        page.locator("#import-file")
                .setInputFiles(new FilePayload("fair.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        page.getByTestId("upload-submit").click();
        try {
            page.waitForURL(
                    url -> url.matches(".*/imports/[0-9a-f-]{36}$"), new Page.WaitForURLOptions().setTimeout(60_000));
        } catch (RuntimeException e) {
            screenshot(page, "import-upload-failed");
            System.err.println(
                    "URL " + page.url() + " FLASH " + page.locator("#flash").innerText());
            throw e;
        }
        assertThat(page.getByTestId("column-0")).hasValue("name");
        assertThat(page.getByTestId("column-1")).hasValue("email");
        assertThat(page.getByTestId("column-4")).hasValue("");
        assertThat(page.getByTestId("column-2")).hasValue("phone");
        assertThat(page.getByTestId("column-3")).hasValue("company");
        page.getByTestId("column-4").selectOption("tags");
        page.locator("#imp-campaign")
                .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Fair leads"));
        page.getByTestId("mapping-check").click();
        assertThat(page.getByTestId("validation-summary"))
                .hasText(
                        "2 rows can be imported, 1 will fail and 1 will be skipped as duplicates in the file.",
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(30_000));
        assertThat(page.getByTestId("validation-report")).containsText("email must be a valid e-mail address");
        assertThat(page.getByTestId("preview-rows")).containsText("+14165550111");
        shots(page, "import-mapping");

        page.getByTestId("import-start").click();
        page.getByTestId("confirm-ok").click();
        assertThat(page.getByTestId("import-status"))
                .hasText(
                        "COMPLETED",
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(90_000));
        assertThat(page.getByTestId("count-created")).hasText("2");
        assertThat(page.getByTestId("count-failed")).hasText("1");
        assertThat(page.getByTestId("count-skipped")).hasText("1");
        assertThat(page.getByTestId("progress")).containsText("2 added as leads of the campaign.");
        assertThat(page.getByTestId("download-issues")).isVisible();
        shots(page, "import-summary");

        page.navigate(baseUrl() + "/imports");
        assertThat(page.getByTestId("imports-table")).containsText("fair.csv");
        page.navigate(baseUrl() + "/contacts?q=hill");
        assertThat(page.getByTestId("contacts-table")).containsText("Hana Hill");
    }
}
