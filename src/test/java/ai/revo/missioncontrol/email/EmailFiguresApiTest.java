package ai.revo.missioncontrol.email;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmailFiguresApiTest extends IntegrationTest {

    @Test
    void figuresCountSentEmailsAndEachFirstOpenAndReplyOnce() {
        Api api = api();
        Api.Session admin = api.signup();
        TrackingFixture f = new TrackingFixture(database());
        String campaign = TrackingFixture.campaign(api, admin);
        api.patch("/api/v1/campaigns/" + campaign + "/status", admin.accessToken(), Map.of("status", "ACTIVE"))
                .expect(200);
        ZoneId zone = ZoneId.of("America/Toronto");
        Instant now = Instant.now();
        Instant threeDaysAgo =
                LocalDate.now(zone).minusDays(3).atTime(12, 0).atZone(zone).toInstant();
        // four sent (one three days ago), one simulated (never counted), opens on two, a reply on one
        var a = f.email(admin.tenantId(), campaign, null, "a@example.com", "SENT", now.minusSeconds(120));
        var b = f.email(admin.tenantId(), campaign, null, "b@example.com", "SENT", now.minusSeconds(60));
        f.email(admin.tenantId(), campaign, null, "c@example.com", "SENT", now.minusSeconds(30));
        var old = f.email(admin.tenantId(), null, null, "d@example.com", "SENT", threeDaysAgo);
        f.email(admin.tenantId(), campaign, null, "e@example.com", "SIMULATED", null);
        f.db.sql("update emails set first_opened_at = ? where id in (?, ?)")
                .params(Timestamp.from(now.minusSeconds(10)), a.id(), b.id())
                .update();
        f.db.sql("update emails set first_opened_at = ?, first_replied_at = ? where id = ?")
                .params(
                        Timestamp.from(threeDaysAgo.plusSeconds(60)),
                        Timestamp.from(threeDaysAgo.plusSeconds(120)),
                        old.id())
                .update();

        JsonNode stats = api.get("/api/v1/dashboard/stats", admin.accessToken())
                .expect(200)
                .json();
        assertThat(stats.path("emailsSent").asLong()).isEqualTo(4);
        assertThat(stats.path("emailsSentToday").asLong()).isEqualTo(3);
        assertThat(stats.path("opens").asLong()).isEqualTo(3);
        assertThat(stats.path("replies").asLong()).isEqualTo(1);
        assertThat(stats.path("openRate").asDouble()).isEqualTo(75.0);
        assertThat(stats.path("replyRate").asDouble()).isEqualTo(25.0);
        assertThat(stats.path("activeCampaigns").asLong()).isEqualTo(1);

        JsonNode timeline = api.get("/api/v1/dashboard/timeline?days=7", admin.accessToken())
                .expect(200)
                .json();
        assertThat(timeline.path("timeZone").asText()).isEqualTo("America/Toronto");
        JsonNode days = timeline.path("days");
        assertThat(days).hasSize(7);
        JsonNode today = days.get(6);
        assertThat(today.path("date").asText()).isEqualTo(LocalDate.now(zone).toString());
        assertThat(today.path("sent").asLong()).isEqualTo(3);
        assertThat(today.path("opened").asLong()).isEqualTo(2);
        JsonNode earlier = days.get(3);
        assertThat(earlier.path("sent").asLong()).isEqualTo(1);
        assertThat(earlier.path("opened").asLong()).isEqualTo(1);
        assertThat(earlier.path("replied").asLong()).isEqualTo(1);
        assertThat(timeline.path("recentEmails")).hasSize(4);
        api.get("/api/v1/dashboard/timeline?days=0", admin.accessToken()).expectError(400, "VALIDATION_ERROR");

        JsonNode momentum = api.get("/api/v1/dashboard/momentum", admin.accessToken())
                .expect(200)
                .json();
        assertThat(momentum.path("hours")).hasSize(48);
        assertThat(momentum.path("opens").asLong()).isEqualTo(2);
        assertThat(momentum.path("replies").asLong()).isZero();
        assertThat(momentum.path("hours").get(47).path("hour").asText())
                .isEqualTo(now.truncatedTo(ChronoUnit.HOURS).toString());

        JsonNode campaigns = api.get("/api/v1/dashboard/campaigns", admin.accessToken())
                .expect(200)
                .json();
        JsonNode row = campaigns.path("data").get(0);
        assertThat(row.path("campaignId").asText()).isEqualTo(campaign);
        assertThat(row.path("sent").asLong()).isEqualTo(3);
        assertThat(row.path("opens").asLong()).isEqualTo(2);
        assertThat(row.path("openRate").asDouble()).isEqualTo(66.7);
        assertThat(row.path("status").asText()).isEqualTo("ACTIVE");

        // another workspace sees none of it
        Api.Session other = api.signup();
        JsonNode empty = api.get("/api/v1/dashboard/stats", other.accessToken())
                .expect(200)
                .json();
        assertThat(empty.path("emailsSent").asLong()).isZero();
        assertThat(empty.path("openRate").asDouble()).isZero();
    }
}
