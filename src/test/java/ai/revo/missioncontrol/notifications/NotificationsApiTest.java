package ai.revo.missioncontrol.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class NotificationsApiTest extends IntegrationTest {

    @Test
    void draftsWaitingForAChannelThatCannotSendRaiseOneNotificationReadPerUser() {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Session viewer = api.addUser(admin, "VIEWER");
        // the test context's SMS adapter has no credentials: the channel is not configured
        String campaign = campaign(api, admin);
        submit(api, admin, campaign, "SMS");
        submit(api, admin, campaign, "SMS");

        JsonNode list = api.get("/api/v1/me/notifications", viewer.accessToken())
                .expect(200)
                .json();
        JsonNode channel = only(list, "CHANNEL_CANNOT_SEND");
        assertThat(channel.path("facts").path("channel").asText()).isEqualTo("SMS");
        assertThat(channel.path("facts").path("state").asText()).isEqualTo("NOT_CONFIGURED");
        assertThat(channel.path("facts").path("count").asInt()).isEqualTo(2);
        assertThat(channel.path("path").asText()).isEqualTo("/settings/channels");
        assertThat(channel.path("read").asBoolean()).isFalse();
        assertThat(unread(api, admin)).isEqualTo(1);
        assertThat(unread(api, viewer)).isEqualTo(1);

        String id = channel.path("id").asText();
        api.post("/api/v1/me/notifications/" + id + "/read", admin.accessToken(), null)
                .expect(200);
        assertThat(unread(api, admin)).isZero();
        assertThat(unread(api, viewer)).isEqualTo(1);
        assertThat(api.get("/api/v1/me/notifications?unread=true", admin.accessToken())
                        .expect(200)
                        .json()
                        .path("data"))
                .isEmpty();
        assertThat(api.post("/api/v1/me/notifications/read-all", viewer.accessToken(), null)
                        .expect(200)
                        .json()
                        .path("marked")
                        .asInt())
                .isEqualTo(1);
        assertThat(unread(api, viewer)).isZero();
        // observed again: still one
        assertThat(kinds(api.get("/api/v1/me/notifications", admin.accessToken())
                        .expect(200)
                        .json()))
                .containsOnlyOnce("CHANNEL_CANNOT_SEND");
    }

    @Test
    void draftsWaitingPastTheThresholdRaiseANotification() {
        Api api = api();
        Api.Session admin = api.signup();
        String campaign = campaign(api, admin);
        String draft = submit(api, admin, campaign, "SMS");
        JdbcClient db = JdbcClient.create(new DriverManagerDataSource(
                database().url(), database().username(), database().password()));
        db.sql("update drafts set submitted_at = now() - interval '5 hours' where id = ?")
                .param(UUID.fromString(draft))
                .update();
        JsonNode waiting = only(
                api.get("/api/v1/me/notifications", admin.accessToken())
                        .expect(200)
                        .json(),
                "DRAFTS_WAITING");
        assertThat(waiting.path("facts").path("count").asInt()).isEqualTo(1);
        assertThat(waiting.path("facts").path("hours").asInt()).isEqualTo(4);
        assertThat(waiting.path("path").asText()).isEqualTo("/approvals");
    }

    @Test
    void unknownNotificationIsNotFoundAndChangesNothing() {
        Api api = api();
        Api.Session admin = api.signup();
        api.post("/api/v1/me/notifications/" + UUID.randomUUID() + "/read", admin.accessToken(), null)
                .expectError(404, "NOT_FOUND");
        api.get("/api/v1/me/notifications?limit=0", admin.accessToken()).expectError(400, "VALIDATION_ERROR");
    }

    static String campaign(Api api, Api.Session s) {
        return api.post("/api/v1/campaigns", s.accessToken(), Map.of("name", "Notify " + UUID.randomUUID()))
                .expect(201)
                .json()
                .path("id")
                .asText();
    }

    static String submit(Api api, Api.Session s, String campaign, String channel) {
        String draft = api.post(
                        "/api/v1/drafts",
                        s.accessToken(),
                        Map.of("campaignId", campaign, "channel", channel, "bodyText", "Hello from " + channel))
                .expect(201)
                .json()
                .path("id")
                .asText();
        api.patch("/api/v1/drafts/" + draft, s.accessToken(), Map.of("status", "NEEDS_APPROVAL"))
                .expect(200);
        return draft;
    }

    static long unread(Api api, Api.Session s) {
        return api.get("/api/v1/me/notifications/unread-count", s.accessToken())
                .expect(200)
                .json()
                .path("unread")
                .asLong();
    }

    static List<String> kinds(JsonNode list) {
        List<String> kinds = new ArrayList<>();
        list.path("data").forEach(n -> kinds.add(n.path("kind").asText()));
        return kinds;
    }

    static JsonNode only(JsonNode list, String kind) {
        List<JsonNode> found = new ArrayList<>();
        list.path("data").forEach(n -> {
            if (n.path("kind").asText().equals(kind)) {
                found.add(n);
            }
        });
        assertThat(found).as(kind + " in " + list).hasSize(1);
        return found.get(0);
    }
}
