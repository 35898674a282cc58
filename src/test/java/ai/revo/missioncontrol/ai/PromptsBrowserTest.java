package ai.revo.missioncontrol.ai;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.BrowserTest;
import com.microsoft.playwright.Page;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptsBrowserTest extends BrowserTest {

    @Test
    void anAdminEditsAPromptComparesVersionsAndRollsBack() {
        Api api = api();
        Api.Session admin = api.signup();
        Page page = signIn(admin.email(), admin.password());
        page.navigate(baseUrl() + "/prompts");
        assertThat(page.getByTestId("llm-mode-template")).containsText("Template mode (no LLM configured)");
        assertThat(page.locator("[data-prompt='rewrite'] [data-testid=active-version]"))
                .hasText("v1");
        assertThat(page.getByTestId("llm-calls-empty")).isVisible();
        page.locator("[data-prompt='rewrite'] a").click();
        page.waitForURL(baseUrl() + "/prompts/rewrite");
        assertThat(page.getByTestId("prompt-active-version")).hasText("active v1");

        page.getByLabel("Template", new Page.GetByLabelOptions().setExact(true))
                .fill("Rewrite briefly: {{instruction}}\n\n{{text}}");
        page.getByLabel("What changed (optional)").fill("Briefer");
        page.getByTestId("save-prompt").click();
        assertThat(page.getByTestId("prompt-saved")).containsText("Saved as version 2");
        assertThat(page.getByTestId("prompt-active-version")).hasText("active v2");
        assertThat(page.getByTestId("prompt-template")).containsText("Rewrite briefly: {{instruction}}");
        assertThat(page.locator("[data-version='2'] [data-testid=version-active]"))
                .isVisible();

        page.getByTestId("show-diff").click();
        assertThat(page.locator("#prompt-diff [data-op=added]").first())
                .containsText("+ Rewrite briefly: {{instruction}}");
        assertThat(page.locator("#prompt-diff [data-op=removed]").first()).containsText("- Rewrite the message below.");
        screenshot(page, "prompt-versions");

        page.getByTestId("activate-1").click();
        page.getByTestId("confirm-ok").click();
        assertThat(page.getByTestId("prompt-saved")).containsText("Version 1 is active again");
        assertThat(page.getByTestId("prompt-active-version")).hasText("active v1");
        assertThat(page.getByTestId("prompt-template")).containsText("Rewrite the message below.");
        assertThat(api.get("/api/v1/prompts/rewrite", admin.accessToken())
                        .json()
                        .path("active")
                        .path("version")
                        .asInt())
                .isEqualTo(1);
        page.context().close();
    }

    @Test
    void operatorsSeePromptsButCannotEditThem() {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Session operator = api.addUser(admin, "OPERATOR");
        api.patch("/api/v1/prompts/social_post", admin.accessToken(), Map.of("template", "Post for {{channel}}"))
                .expect(200);
        Page page = signIn(operator.email(), operator.password());
        page.navigate(baseUrl() + "/prompts/social_post");
        assertThat(page.getByTestId("prompt-active-version")).hasText("active v2");
        assertThat(page.getByTestId("prompt-edit")).hasCount(0);
        assertThat(page.getByTestId("activate-1")).hasCount(0);
        page.navigate(baseUrl() + "/prompts/no_such_prompt");
        assertThat(page.locator("body")).containsText("404");
        page.context().close();
    }
}
