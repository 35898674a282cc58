package ai.revo.missioncontrol.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.BrowserTest;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CockpitBrowserTest extends BrowserTest {

    @Test
    void homeShowsWhatWaitsThePipelineWithValueAgentsAndNextJobsEachLinkingToItsList() {
        Api api = api();
        Api.Session admin = api.signup();
        String campaign = api.post("/api/v1/campaigns", admin.accessToken(), Map.of("name", "Cockpit"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        String lead = api.post(
                        "/api/v1/leads",
                        admin.accessToken(),
                        Map.of(
                                "campaignId",
                                campaign,
                                "contact",
                                Map.of("firstName", "Sam", "email", "sam@cockpit.example"),
                                "potentialValue",
                                12000,
                                "currency",
                                "CAD"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        for (String status : List.of("DRAFTED", "APPROVED", "CONTACTED", "REPLIED")) {
            api.patch("/api/v1/leads/" + lead, admin.accessToken(), Map.of("status", status))
                    .expect(200);
        }
        ShellBrowserTest.submitDraft(api, admin, campaign, "ines@cockpit.example");
        // a real reply: a conversation waiting for an answer (the lead moved to REPLIED by hand above has none)
        ai.revo.missioncontrol.conversations.ConversationFixture.conversation(api, database(), admin);

        Page page = signIn(admin.email(), admin.password());
        for (int width : List.of(390, 1440, 1920)) {
            page.setViewportSize(width, 1000);
            page.navigate(baseUrl() + "/");
            assertThat(page.getByTestId("cockpit-waiting-count")).hasText("1");
            assertThat(page.getByTestId("cockpit-waiting-oldest")).isVisible();
            assertThat(page.getByTestId("cockpit-replies-count")).hasText("1");
            assertThat(page.locator("[data-testid=cockpit-pipeline] a[data-status=REPLIED]"))
                    .containsText("CAD 12,000");
            assertThat(page.locator("[data-testid=cockpit-agents] a[data-agent]")
                            .first())
                    .isVisible();
            assertThat(page.locator("[data-testid=cockpit-next-jobs] a").first())
                    .isVisible();
            ShellBrowserTest.assertNoHorizontalOverflow(page);
            screenshot(page, "cockpit-" + width);
        }
        page.locator("[data-testid=cockpit-pipeline] a[data-status=REPLIED]").click();
        page.waitForURL(baseUrl() + "/leads?status=REPLIED");
        page.navigate(baseUrl() + "/");
        page.getByTestId("cockpit-replies").click();
        page.waitForURL(baseUrl() + "/inbox?status=TO_ANSWER");
        assertThat(page.getByTestId("conversation")).hasCount(1);
        page.navigate(baseUrl() + "/");
        page.getByTestId("cockpit-waiting").click();
        page.waitForURL(baseUrl() + "/approvals");

        // a second draft submitted elsewhere moves the figure without a reload
        page.navigate(baseUrl() + "/");
        assertThat(page.getByTestId("live-indicator")).hasText("LIVE");
        ShellBrowserTest.submitDraft(api, admin, campaign, "otto@cockpit.example");
        assertThat(page.getByTestId("cockpit-waiting-count")).hasText("2");
        page.context().close();
    }

    @Test
    void settingsShowTheWorkspaceThePublicAddressCheckAndEveryChannelsRealStatus() {
        Api api = api();
        Api.Session admin = api.signup();
        ai.revo.missioncontrol.outbound.RecordingAdapters.configure(
                ai.revo.missioncontrol.identity.TenantId.of(admin.tenantId()));
        api.patch("/api/v1/settings/safety", admin.accessToken(), Map.of("channels", Map.of("WHATSAPP", false)))
                .expect(200);
        Page page = signIn(admin.email(), admin.password());
        page.setViewportSize(1440, 900);
        page.getByTestId("main-nav")
                .locator("a[data-path='/settings/channels']")
                .click();
        assertThat(page.locator("[data-testid=channels] tr[data-channel=EMAIL]"))
                .hasAttribute("data-state", "SWITCHED_OFF");
        assertThat(page.locator("[data-testid=channels] tr[data-channel=EMAIL]"))
                .containsText("Switched off");
        screenshot(page, "settings-channels-1440");
        page.getByTestId("main-nav").locator("a[data-path='/settings']").click();
        assertThat(page.getByTestId("settings-workspace").getByLabel("Name")).hasValue("Workspace " + admin.email());
        // the test node's MC_PUBLIC_URL is not the address this browser uses
        assertThat(page.locator("[data-public-url-differs]")).isVisible();
        assertThat(page.getByTestId("public-url-warning")).isVisible();
        assertThat(page.getByTestId("public-url-warning")).containsText(baseUrl());
        screenshot(page, "settings-1440");
        org.assertj.core.api.Assertions.assertThat(api.get("/api/v1/settings/channels", admin.accessToken())
                        .expect(200)
                        .json()
                        .path("data")
                        .path(1)
                        .path("state")
                        .asText())
                .isEqualTo("SWITCHED_OFF");
        page.context().close();
    }
}
