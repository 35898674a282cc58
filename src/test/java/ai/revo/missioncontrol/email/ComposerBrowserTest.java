package ai.revo.missioncontrol.email;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.BrowserTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The composer and templates pages in Chromium (the shared context is in template mode: no LLM). */
class ComposerBrowserTest extends BrowserTest {

    @Test
    void typingSavesTheDraftAndAReloadShowsIt() {
        Api api = api();
        Api.Session admin = api.signup();
        Page page = signIn(admin.email(), admin.password());
        page.navigate(baseUrl() + "/compose");
        assertThat(page.getByTestId("save-status")).hasText("Not saved yet");
        page.getByTestId("subject").fill("Quick question");
        page.getByTestId("body").click();
        page.keyboard().type("Hello Ada, are you free on Tuesday?");
        assertThat(page.getByTestId("save-status")).hasText("Saved");
        page.waitForURL(Pattern.compile(".*/compose/[0-9a-f-]{36}$"));
        String id = page.url().substring(page.url().lastIndexOf('/') + 1);

        JsonNode saved = api.get("/api/v1/emails/drafts/" + id, admin.accessToken())
                .expect(200)
                .json();
        assertThat(saved.path("subject").asText()).isEqualTo("Quick question");
        assertThat(saved.path("bodyText").asText()).isEqualTo("Hello Ada, are you free on Tuesday?");

        page.reload();
        assertThat(page.getByTestId("subject")).hasValue("Quick question");
        assertThat(page.getByTestId("body")).hasText("Hello Ada, are you free on Tuesday?");
        assertThat(page.getByTestId("save-status")).hasText("Saved");
        assertThat(api.get("/api/v1/emails/drafts", admin.accessToken())
                        .json()
                        .path("pagination")
                        .path("total")
                        .asInt())
                .isEqualTo(1);
        page.context().close();
    }

    @Test
    void scoreShowsFiguresAndARewriteGoesStaleAndIsAppliedOnlyOnApply() {
        Api api = api();
        Api.Session admin = api.signup();
        Page page = signIn(admin.email(), admin.password());
        page.navigate(baseUrl() + "/compose");
        page.getByTestId("subject").fill("Hello");
        page.getByTestId("body").click();
        page.keyboard()
                .type("Hi Ada, I hope you are well. We help teams like yours book more demos. We also send"
                        + " reminders. Would a short call next week work?");
        assertThat(page.getByTestId("save-status")).hasText("Saved");
        assertThat(page.getByTestId("ai-template-mode")).containsText("No language model is configured");

        page.getByTestId("ai-instruction").fill("Make it warmer");
        page.getByTestId("ai-rewrite").click();
        assertThat(page.getByTestId("ai-rewrite-state")).hasText("needs a model");
        assertThat(page.getByTestId("ai-rewrite-message")).containsText("needs a language model");

        page.getByTestId("ai-score").click();
        assertThat(page.getByTestId("ai-score-state")).hasText("ready");
        assertThat(page.getByTestId("score-spam")).hasText(Pattern.compile("\\d+ %"));
        assertThat(page.getByTestId("score-reply")).hasText(Pattern.compile("\\d+ %"));
        assertThat(page.locator("[data-testid=score-signals] li").first()).isVisible();
        assertThat(page.getByTestId("score-method")).containsText("Heuristic estimates");

        page.getByTestId("ai-instruction").fill("Make it shorter");
        page.getByTestId("ai-rewrite").click();
        assertThat(page.getByTestId("ai-rewrite-state")).hasText("ready");
        String suggestion = page.getByTestId("ai-rewrite-text").textContent();
        assertThat(suggestion)
                .isEqualTo("Hi Ada, we help teams like yours book more demos. Would a short call next week work?");
        assertThat(page.getByTestId("ai-rewrite-changes")).containsText("shorter");

        page.getByTestId("body").click();
        page.keyboard().press("End");
        page.keyboard().type(" Thanks!");
        assertThat(page.getByTestId("ai-rewrite-state")).hasText("stale");
        assertThat(page.getByTestId("ai-score-state")).hasText("stale");
        assertThat(page.getByTestId("body")).containsText("Would a short call next week work? Thanks!");
        assertThat(page.getByTestId("save-status")).hasText("Saved");
        String id = page.url().substring(page.url().lastIndexOf('/') + 1);
        assertThat(api.get("/api/v1/emails/drafts/" + id, admin.accessToken())
                        .json()
                        .path("bodyText")
                        .asText())
                .endsWith("Thanks!");

        page.getByTestId("ai-rewrite-apply").click();
        assertThat(page.getByTestId("ai-rewrite-state")).hasText("applied");
        assertThat(page.getByTestId("body")).not().containsText("Thanks!");
        assertThat(page.getByTestId("save-status")).hasText("Saved");
        String applied = page.getByTestId("body").innerText().strip();
        page.waitForCondition(() -> applied.equals(api.get("/api/v1/emails/drafts/" + id, admin.accessToken())
                .json()
                .path("bodyText")
                .asText()
                .strip()));
        screenshot(page, "composer-ai-panel");
        page.context().close();
    }

    @Test
    void aTemplateIsInsertedForTheChosenProspectAndSendAnswersClearly() {
        Api api = api();
        Api.Session admin = api.signup();
        String t = admin.accessToken();
        String campaign = api.post("/api/v1/campaigns", t, Map.of("name", "Browser push"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        String email = Api.uniqueEmail("grace");
        api.post(
                        "/api/v1/leads",
                        t,
                        Map.of(
                                "campaignId",
                                campaign,
                                "contact",
                                Map.of("email", email, "firstName", "Grace", "lastName", "Hopper", "company", "Navy")))
                .expect(201);
        api.post(
                        "/api/v1/templates",
                        t,
                        Map.of(
                                "title",
                                "Intro",
                                "content",
                                Map.of(
                                        "subject",
                                        "Hello {{firstName|there}}",
                                        "body",
                                        "<p>Hi {{firstName|there}} at {{company}}, from {{campaign.name}}.</p>")))
                .expect(201);
        Page page = signIn(admin.email(), admin.password());
        page.navigate(baseUrl() + "/compose");
        // the prospect picker is a search box: the server finds the person, a campaign button picks the lead
        page.getByTestId("prospect-search").fill("hopper");
        assertThat(page.getByTestId("prospect-option")).hasCount(1);
        assertThat(page.getByTestId("prospect-option")).containsText(email);
        screenshot(page, "composer-prospect-search");
        page.getByTestId("prospect-pick").first().click();
        assertThat(page.getByTestId("prospect-chosen"))
                .hasText("Writing to Grace Hopper <" + email + "> · Navy — Browser push");
        page.getByTestId("template-picker")
                .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Intro"));
        page.getByTestId("insert-template").click();
        assertThat(page.getByTestId("body")).hasText("Hi Grace at Navy, from Browser push.");
        assertThat(page.getByTestId("subject")).hasValue("Hello Grace");
        assertThat(page.getByTestId("save-status")).hasText("Saved");
        String id = page.url().substring(page.url().lastIndexOf('/') + 1);
        JsonNode draft = api.get("/api/v1/emails/drafts/" + id, t).expect(200).json();
        assertThat(draft.path("templateId").isNull()).isFalse();
        assertThat(draft.path("prospectId").isNull()).isFalse();

        page.getByTestId("send").click();
        assertThat(page.getByTestId("send-from")).hasValue(admin.email());
        assertThat(page.getByTestId("send-to")).hasValue(email);
        page.getByTestId("send-confirm").click();
        // the status follows the email live: in dry run it ends SIMULATED, said plainly
        assertThat(page.getByTestId("email-status")).hasAttribute("data-status", "SIMULATED");
        assertThat(page.getByTestId("email-status")).hasText("Simulated: dry run is on, nothing was sent");
        // through the email pipeline: one email from this draft, SIMULATED while dry run is on, counted for the
        // template
        JsonNode emails = null;
        for (int i = 0; i < 100; i++) {
            emails = api.get("/api/v1/emails?q=" + email, t).expect(200).json().path("data");
            if (emails.size() == 1 && emails.get(0).path("status").asText().equals("SIMULATED")) {
                break;
            }
            page.waitForTimeout(100);
        }
        org.assertj.core.api.Assertions.assertThat(emails).hasSize(1);
        org.assertj.core.api.Assertions.assertThat(emails.get(0).path("status").asText())
                .isEqualTo("SIMULATED");
        org.assertj.core.api.Assertions.assertThat(emails.get(0).path("draftId").asText())
                .isEqualTo(id);
        org.assertj.core.api.Assertions.assertThat(api.get("/api/v1/templates", t)
                        .json()
                        .path("data")
                        .get(0)
                        .path("usageCount")
                        .asInt())
                .isEqualTo(1);
        page.navigate(baseUrl() + "/emails");
        assertThat(page.locator("body")).containsText(email);
        page.context().close();
    }

    @Test
    void templatesPageCreatesWithLiveFieldCheckListsFavouritesFirstAndDeletes() {
        Api api = api();
        Api.Session admin = api.signup();
        String t = admin.accessToken();
        api.post(
                        "/api/v1/templates",
                        t,
                        Map.of("title", "Old one", "content", Map.of("subject", "Hi", "body", "<p>Hi</p>")))
                .expect(201);
        Page page = signIn(admin.email(), admin.password());
        page.navigate(baseUrl() + "/templates");
        page.getByTestId("new-template").click();
        page.waitForURL(baseUrl() + "/templates/new");
        page.waitForLoadState();
        page.getByLabel("Title").fill("Favourite intro");
        page.getByLabel("Subject").fill("Hi {{firstName|there}}");
        page.getByLabel("Body (HTML)").fill("<p>Hello {{first_name}} from {{sender.name}}</p>");
        assertThat(page.getByTestId("unknown-fields")).containsText("{{first_name}}");
        page.getByTestId("save-template").click();
        assertThat(page.getByTestId("template-error")).containsText("{{first_name}}");
        page.waitForLoadState(); // htmx binds the live check when the page's scripts have run
        page.getByLabel("Body (HTML)").fill("<p>Hello {{firstName}} from {{sender.name}}</p>");
        assertThat(page.getByTestId("fields-ok")).containsText("firstName");
        page.getByText("Favourite (listed first)").click();
        page.getByTestId("save-template").click();
        assertThat(page.getByTestId("template-saved")).isVisible();
        assertThat(page.getByTestId("template-title").first()).hasText("Favourite intro");
        assertThat(page.getByTestId("favourite-mark")).hasCount(1);
        assertThat(page.getByTestId("template-usage").first()).hasText("0");
        assertThat(page.getByTestId("template-open-rate").first()).hasText("—");

        page.locator("[data-testid=template-row]:has-text('Old one') [data-testid=delete-template]")
                .click();
        page.getByTestId("confirm-ok").click();
        assertThat(page.getByTestId("template-row")).hasCount(1);
        assertThat(api.get("/api/v1/templates", t)
                        .json()
                        .path("pagination")
                        .path("total")
                        .asInt())
                .isEqualTo(1);
        screenshot(page, "templates");
        page.context().close();
    }

    @Test
    void viewersSeeTemplatesWithoutWriteControls() {
        Api api = api();
        Api.Session admin = api.signup();
        api.post(
                        "/api/v1/templates",
                        admin.accessToken(),
                        Map.of("title", "Shared", "content", Map.of("subject", "Hi", "body", "<p>Hi</p>")))
                .expect(201);
        Api.Session viewer = api.addUser(admin, "VIEWER");
        Page page = signIn(viewer.email(), viewer.password());
        page.navigate(baseUrl() + "/templates");
        assertThat(page.getByTestId("template-title")).hasText("Shared");
        assertThat(page.getByTestId("new-template")).hasCount(0);
        assertThat(page.getByTestId("delete-template")).hasCount(0);
        page.navigate(baseUrl() + "/compose");
        assertThat(page.getByTestId("send")).isDisabled();
        page.context().close();
    }
}
