package ai.revo.missioncontrol.drafts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.BrowserTest;
import com.microsoft.playwright.Page;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DraftsBrowserTest extends BrowserTest {

    @Test
    void writeReviseAndSubmitADraftFromThePages() {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Session operator = api.addUser(admin, "OPERATOR");
        api.post("/api/v1/campaigns", admin.accessToken(), Map.of("name", "Pages"))
                .expect(201);
        Page page = signIn(operator.email(), operator.password());
        page.navigate(baseUrl() + "/drafts");
        assertThat(page.getByTestId("drafts-empty")).isVisible();
        page.locator("#w-channel").selectOption("EMAIL");
        page.locator("#w-subject").fill("Hello there");
        page.locator("#w-body").fill("First words.");
        page.getByTestId("write-draft").click();
        page.waitForURL(java.util.regex.Pattern.compile(".*/drafts/[0-9a-f-]{36}$"));
        page.locator("#x-body").fill("Better words.");
        page.locator("#x-reason").fill("warmer");
        page.getByTestId("save-draft").click();
        assertThat(page.getByTestId("draft-saved")).containsText("version 2");
        assertThat(page.getByTestId("draft-versions")).containsText("warmer");
        page.getByTestId("submit-draft").click();
        page.getByTestId("confirm-ok").click();
        assertThat(page.getByTestId("draft-status")).hasText("NEEDS_APPROVAL");
        org.assertj.core.api.Assertions.assertThat(api.get("/api/v1/approvals/inbox", admin.accessToken())
                        .json()
                        .path("data")
                        .get(0)
                        .path("draft")
                        .path("bodyText")
                        .asText())
                .isEqualTo("Better words.");
        page.context().close();
    }
}
