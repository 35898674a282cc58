package ai.revo.missioncontrol.conversations;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.outbound.RecordingAdapters;
import ai.revo.missioncontrol.support.BrowserTest;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A reply arrives while the dashboard is open: the Inbox badge counts it live, the Inbox lists it, the thread shows
 * the email it answers and the reply; answering asks for confirmation and the answer's status follows the email.
 */
class InboxBrowserTest extends BrowserTest {

    /** Live updates wait for the event's number, given once every older transaction on the server has ended. */
    static final LocatorAssertions.HasTextOptions LIVE = new LocatorAssertions.HasTextOptions().setTimeout(60_000);

    @Test
    void aReplyShowsUpInTheInboxAndIsAnsweredAfterAConfirmation() {
        ConversationFixture f = new ConversationFixture(api(), database());
        f.api.patch(
                        "/api/v1/settings/safety",
                        f.token(),
                        Map.of("dryRunMode", false, "channels", Map.of("EMAIL", true)))
                .expect(200);
        RecordingAdapters.configure(TenantId.of(f.admin.tenantId()));

        Page page = signIn(f.admin.email(), f.admin.password());
        page.setViewportSize(1440, 900);
        page.navigate(baseUrl() + "/inbox");
        assertThat(page.getByTestId("inbox-empty")).isVisible();
        assertThat(page.locator("[data-badge-for='/inbox']")).hasCount(0);

        f.reply("Hello! Yes, please send the details.\n\nAda", "<reply-browser@ada.example>")
                .expect(200);
        // live: the badge and the list refresh on the conversation event
        assertThat(page.locator("[data-badge-for='/inbox']")).hasText("1", LIVE);
        assertThat(page.getByTestId("conversation"))
                .hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(60_000));
        assertThat(page.getByTestId("conversation").first()).hasAttribute("data-unread", "true");
        screenshot(page, "inbox-list-1440");

        page.getByTestId("conversation").first().click();
        assertThat(page.getByTestId("thread-title")).hasText("Ada Lovelace");
        assertThat(page.getByTestId("message")).hasCount(2);
        assertThat(page.getByTestId("message").nth(0)).hasAttribute("data-direction", "OUT");
        assertThat(page.getByTestId("message").nth(1)).containsText("Yes, please send the details.");
        // opening it read it: the badge is gone
        assertThat(page.locator("[data-badge-for='/inbox']")).hasCount(0);

        page.getByTestId("answer-text").fill("Here they are, Ada.");
        page.getByTestId("answer-send").click();
        // confirmation first; cancelling sends nothing
        assertThat(page.locator("#confirm-dialog")).isVisible();
        assertThat(page.locator("#confirm-dialog")).containsText("Send this answer to " + f.to);
        page.locator("#confirm-dialog [data-confirm-ok]").click();
        assertThat(page.getByTestId("answer-queued")).isVisible();
        assertThat(page.getByTestId("message")).hasCount(3);
        assertThat(page.getByTestId("message").nth(2)).containsText("Here they are, Ada.");
        assertThat(page.getByTestId("thread-status")).hasText("Answered");
        assertThat(page.getByTestId("message").nth(2).getByTestId("message-status"))
                .hasText("Sent", LIVE);
        screenshot(page, "inbox-thread-1440");

        page.setViewportSize(1920, 1080);
        screenshot(page, "inbox-thread-1920");

        page.setViewportSize(390, 844);
        page.reload();
        assertThat(page.getByTestId("back-to-inbox")).isVisible();
        assertThat(page.getByTestId("conversation-list")).isHidden();
        screenshot(page, "inbox-thread-390");
        page.getByTestId("back-to-inbox").click();
        // answered: it left the To answer list
        assertThat(page.getByTestId("inbox-empty")).isVisible();
        page.getByTestId("filter-ALL").click();
        assertThat(page.getByTestId("conversation")).hasCount(1);
        screenshot(page, "inbox-list-390");

        // the contact page shows the reply's text and links to the thread
        page.setViewportSize(1440, 900);
        page.getByTestId("conversation").first().click();
        page.getByTestId("thread-title").locator("a").click();
        assertThat(page.getByTestId("reply-text")).containsText("Yes, please send the details.");
        page.getByTestId("reply-conversation").click();
        assertThat(page.getByTestId("thread")).isVisible();
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);

        // closing asks first and clears it
        page.getByTestId("close-conversation").click();
        page.locator("#confirm-dialog [data-confirm-ok]").click();
        assertThat(page.getByTestId("thread-status")).hasText("Closed");
        page.context().close();
    }
}
