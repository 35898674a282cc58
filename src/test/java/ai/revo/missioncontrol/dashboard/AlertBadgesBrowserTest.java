package ai.revo.missioncontrol.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.outbound.OutboundGateway;
import ai.revo.missioncontrol.outbound.OutboundMessage;
import ai.revo.missioncontrol.outbound.OutboundView;
import ai.revo.missioncontrol.outbound.RecordingAdapters;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.safety.Channel;
import ai.revo.missioncontrol.safety.SafetyChange;
import ai.revo.missioncontrol.safety.SafetyManagement;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.BrowserTest;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The sidebar's alerts: sends whose outcome is unknown (Outbound) and runs that gave up (Runs), each until decided. */
class AlertBadgesBrowserTest extends BrowserTest {

    @Autowired
    OutboundGateway gateway;

    @Autowired
    SafetyManagement safety;

    private void sql(String statement, UUID id) throws Exception {
        try (Connection c = database().connect();
                PreparedStatement s = c.prepareStatement(statement)) {
            s.setObject(1, id);
            org.assertj.core.api.Assertions.assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void anUnknownSendAndARunThatGaveUpShowAsAlertsUntilAPersonDecides() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        TenantId t = TenantId.of(admin.tenantId());
        String runId = api.post("/api/v1/agents/daily_briefer/run", admin.accessToken(), Map.of())
                .expect(202)
                .json()
                .path("runId")
                .asText();
        String[] status = new String[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            status[0] = api.get("/api/v1/runs/" + runId, admin.accessToken())
                    .json()
                    .path("run")
                    .path("status")
                    .asText();
            return java.util.Set.of("SUCCEEDED", "FAILED", "DEAD").contains(status[0]);
        });
        org.assertj.core.api.Assertions.assertThat(status[0]).isEqualTo("SUCCEEDED");

        Actor operator = Actor.user(UUID.randomUUID(), "operator@example.com");
        RecordingAdapters.configure(t);
        safety.change(t, new SafetyChange(Optional.of(false), Optional.of(false), Map.of(Channel.SMS, true)), operator);
        OutboundView sms = gateway.submit(
                t,
                new OutboundMessage(
                        Channel.SMS,
                        "+14165550199",
                        null,
                        "Your order shipped",
                        null,
                        null,
                        null,
                        "alert-1",
                        operator));
        // what a node that died mid-send leaves behind, then the cluster task's verdict: UNKNOWN
        sql(
                "update outbound_messages set status = 'SENDING', sent_at = null, provider_message_id = null, "
                        + "provider_response = null, decided_at = now() - interval '10 minutes', "
                        + "updated_at = now() - interval '10 minutes' where id = ?",
                sms.id());
        org.assertj.core.api.Assertions.assertThat(gateway.declareLostOutcomes())
                .isGreaterThanOrEqualTo(1);

        Page page = signIn(admin.email(), admin.password());
        page.navigate(baseUrl() + "/runs/" + runId);
        // the run's counters in words
        assertThat(page.getByTestId("run-counters")).containsText("1 brief written");
        for (int width : new int[] {1440, 1920, 390}) {
            page.setViewportSize(width, 900);
            page.waitForTimeout(400); // the sidebar's open/close transition
            screenshot(page, "run-counters-" + width);
        }
        page.setViewportSize(1440, 900);
        page.navigate(baseUrl() + "/runs");
        assertThat(page.locator("[data-run='" + runId + "'] [data-testid=run-result]"))
                .containsText("1 brief written");

        assertThat(page.locator("[data-badge-for='/outbound']")).hasText("1");
        assertThat(page.locator("[data-badge-for='/outbound']"))
                .hasAttribute(
                        "title",
                        java.util.regex.Pattern.compile("1 sends with an unknown outcome, waiting for your decision"));
        assertThat(page.locator("[data-badge-for='/runs']")).hasCount(0);

        // the run gives up (as after its last failed attempt): an alert on Runs, live
        sql("update agent_runs set status = 'DEAD' where id = ?", UUID.fromString(runId));
        page.navigate(baseUrl() + "/outbound");
        assertThat(page.locator("[data-badge-for='/runs']")).hasText("1");
        screenshot(page, "alert-badges-1440");
        page.setViewportSize(1920, 1000);
        screenshot(page, "alert-badges-1920");
        page.setViewportSize(390, 844);
        page.locator("[data-mc-sidebar-open]").first().click();
        page.waitForTimeout(400);
        assertThat(page.locator("[data-badge-for='/outbound']")).isVisible();
        screenshot(page, "alert-badges-390");
        page.setViewportSize(1440, 900);
        page.navigate(baseUrl() + "/outbound");

        // deciding clears each alert, and the sidebar follows live
        api.post("/api/v1/outbound/" + sms.id() + "/mark-sent", admin.accessToken(), Map.of())
                .expect(200);
        assertThat(page.locator("[data-badge-for='/outbound']"))
                .hasCount(0, new LocatorAssertions.HasCountOptions().setTimeout(5000));
        api.post(
                        "/api/v1/runs/" + runId + "/manual-override",
                        admin.accessToken(),
                        Map.of("outcome", "SUCCEEDED", "notes", "Checked by hand"))
                .expect(200);
        page.navigate(baseUrl() + "/outbound");
        assertThat(page.locator("[data-badge-for='/runs']")).hasCount(0);

        // what happened reads as sentences in the feed, with the agent's name
        page.navigate(baseUrl() + "/feed");
        assertThat(page.locator("[data-type='agent.run.succeeded'] [data-testid=event-description]"))
                .hasText("Daily briefer run finished");
        assertThat(page.locator("[data-type='agent.run.overridden'] [data-testid=event-description]"))
                .hasText("Daily briefer run outcome overridden as succeeded: Checked by hand");
        assertThat(page.locator("[data-type='outbound.marked_sent'] [data-testid=event-description]"))
                .hasText("SMS message to +14165550199 with an unknown outcome marked as sent");
        page.navigate(baseUrl() + "/runs");
        assertThat(page.locator("[data-run='" + runId + "'] a").first()).hasText("Daily briefer");
        page.context().close();
    }
}
