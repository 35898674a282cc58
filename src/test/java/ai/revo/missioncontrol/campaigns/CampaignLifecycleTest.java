package ai.revo.missioncontrol.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The end-date rule, owned by the campaigns module (it used to live in the email module). */
class CampaignLifecycleTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CampaignManagement campaigns;

    String campaign(Api api, String token, String name, String zone, LocalDate end, String status) {
        String id = api.post(
                        "/api/v1/campaigns",
                        token,
                        Map.of(
                                "name",
                                name,
                                "timezone",
                                zone,
                                "startDate",
                                end.minusDays(30).toString(),
                                "endDate",
                                end.toString()))
                .expect(201)
                .json()
                .path("id")
                .asText();
        api.patch("/api/v1/campaigns/" + id + "/status", token, Map.of("status", "ACTIVE"))
                .expect(200);
        if (status.equals("PAUSED")) {
            api.patch("/api/v1/campaigns/" + id + "/status", token, Map.of("status", "PAUSED"))
                    .expect(200);
        }
        return id;
    }

    String status(Api api, String token, String id) {
        return api.get("/api/v1/campaigns/" + id, token).json().path("status").asText();
    }

    @Test
    void activeAndPausedCampaignsPastTheirEndDateInTheirZoneAreCompletedAndOthersKeepRunning() {
        Api api = api();
        String t = api.signup().accessToken();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String ended = campaign(api, t, "Ended", "UTC", today.minusDays(2), "ACTIVE");
        String pausedEnded = campaign(api, t, "Paused and ended", "UTC", today.minusDays(1), "PAUSED");
        String running = campaign(api, t, "Running", "UTC", today.plusDays(5), "ACTIVE");
        String endsToday = campaign(api, t, "Ends today", "UTC", today, "ACTIVE");
        // ended by UTC's calendar, but judged by Honolulu's (UTC-10), where yesterday may still be today
        String honolulu = campaign(api, t, "Honolulu", "Pacific/Honolulu", today.minusDays(1), "ACTIVE");

        assertThat(CampaignLifecycle.completeEndedCampaigns(jdbc, campaigns)).isGreaterThanOrEqualTo(2);

        assertThat(status(api, t, ended)).isEqualTo("COMPLETED");
        assertThat(status(api, t, pausedEnded)).isEqualTo("COMPLETED");
        assertThat(status(api, t, running)).isEqualTo("ACTIVE");
        assertThat(status(api, t, endsToday)).isEqualTo("ACTIVE");
        boolean honoluluEnded =
                LocalDate.now(java.time.ZoneId.of("Pacific/Honolulu")).isAfter(today.minusDays(1));
        assertThat(status(api, t, honolulu)).isEqualTo(honoluluEnded ? "COMPLETED" : "ACTIVE");
        assertThat(org.awaitility.Awaitility.await()
                        .atMost(java.time.Duration.ofSeconds(20))
                        .until(
                                () -> api.get("/api/v1/events/feed?type=campaign.completed&entityId=" + ended, t)
                                        .expect(200)
                                        .json()
                                        .path("data"),
                                data -> data.size() == 1)
                        .get(0)
                        .path("actor")
                        .path("type")
                        .asText())
                .isEqualTo("SYSTEM");
    }
}
