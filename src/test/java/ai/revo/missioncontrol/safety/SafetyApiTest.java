package ai.revo.missioncontrol.safety;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SafetyApiTest extends IntegrationTest {

    @Test
    void newWorkspaceIsSafeByDefaultInExactlyTheDocumentedShape() {
        Api api = api();
        Api.Session admin = api.signup();
        JsonNode s = api.get("/api/v1/settings/safety", admin.accessToken())
                .expect(200)
                .json();
        assertThat(s.path("dryRunMode").asBoolean()).isTrue();
        assertThat(s.path("globalPause").asBoolean()).isFalse();
        List<String> channels = new java.util.ArrayList<>();
        s.path("channels").fieldNames().forEachRemaining(channels::add);
        assertThat(channels).containsExactly("EMAIL", "WHATSAPP", "FACEBOOK", "INSTAGRAM", "LINKEDIN", "SMS");
        s.path("channels")
                .forEach(v -> assertThat(v.isBoolean() && !v.asBoolean()).isTrue());
        assertThat(s.has("updatedAt")).isTrue();
        assertThat(s.has("updatedBy")).isTrue();
        List<String> fields = new java.util.ArrayList<>();
        s.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("dryRunMode", "globalPause", "channels", "updatedAt", "updatedBy");
    }

    @Test
    void patchChangesOnlyWhatItNamesAndEmitsAuditedEvents() {
        Api api = api();
        Api.Session admin = api.signup();
        JsonNode s = api.patch(
                        "/api/v1/settings/safety", admin.accessToken(), Map.of("channels", Map.of("EMAIL", true)))
                .expect(200)
                .json();
        assertThat(s.path("channels").path("EMAIL").asBoolean()).isTrue();
        assertThat(s.path("channels").path("SMS").asBoolean()).isFalse();
        assertThat(s.path("dryRunMode").asBoolean()).isTrue();
        assertThat(s.path("updatedBy").asText()).isEqualTo(admin.email());

        api.patch("/api/v1/settings/safety", admin.accessToken(), Map.of("dryRunMode", false, "globalPause", true))
                .expect(200);
        JsonNode feed = api.get("/api/v1/events/feed?type=safety.", admin.accessToken())
                .expect(200)
                .json();
        List<String> types = new java.util.ArrayList<>();
        feed.path("data").forEach(e -> types.add(e.path("type").asText()));
        assertThat(types)
                .containsExactly("safety.global_pause.toggled", "safety.dry_run.toggled", "safety.channel_toggled");
        JsonNode channelEvent = feed.path("data").get(2);
        assertThat(channelEvent.path("payload").path("channel").asText()).isEqualTo("EMAIL");
        assertThat(channelEvent.path("payload").path("enabled").asBoolean()).isTrue();
        assertThat(channelEvent.path("category").asText()).isEqualTo("SAFETY");
        assertThat(channelEvent.path("actor").path("type").asText()).isEqualTo("USER");
        assertThat(channelEvent.path("actor").path("id").asText()).isEqualTo(admin.userId());

        JsonNode audit = api.get("/api/v1/audit?action=safety.dry_run", admin.accessToken())
                .expect(200)
                .json();
        assertThat(audit.path("data")).hasSize(1);
        assertThat(audit.path("data").get(0).path("before").path("dryRunMode").asBoolean())
                .isTrue();
        assertThat(audit.path("data").get(0).path("after").path("dryRunMode").asBoolean())
                .isFalse();
        assertThat(audit.path("data").get(0).path("requestId").asText()).isNotBlank();
    }

    @Test
    void patchWithoutAnyChangeEmitsNothing() {
        Api api = api();
        Api.Session admin = api.signup();
        api.patch("/api/v1/settings/safety", admin.accessToken(), Map.of("dryRunMode", true))
                .expect(200);
        assertThat(api.get("/api/v1/events/feed?type=safety.", admin.accessToken())
                        .json()
                        .path("data"))
                .isEmpty();
    }

    @Test
    void onlyAdminsChangeSafety() {
        Api api = api();
        Api.Session admin = api.signup();
        for (String role : List.of("OPERATOR", "CLOSER", "FINANCE", "VIEWER")) {
            Api.Session user = api.addUser(admin, role);
            api.get("/api/v1/settings/safety", user.accessToken()).expect(200);
            api.patch("/api/v1/settings/safety", user.accessToken(), Map.of("dryRunMode", false))
                    .expectError(403, "FORBIDDEN");
        }
        assertThat(api.get("/api/v1/settings/safety", admin.accessToken())
                        .json()
                        .path("dryRunMode")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void badPatchesAre400NamingTheFieldAndChangeNothing() {
        Api api = api();
        Api.Session admin = api.signup();
        assertThat(api.patch(
                                "/api/v1/settings/safety",
                                admin.accessToken(),
                                Map.of("channels", Map.of("TELEGRAM", true)))
                        .expectError(400, "VALIDATION_ERROR")
                        .body())
                .contains("channels.TELEGRAM");
        assertThat(api.patch("/api/v1/settings/safety", admin.accessToken(), Map.of("dryRunMode", "no"))
                        .expectError(400, "VALIDATION_ERROR")
                        .body())
                .contains("dryRunMode");
        assertThat(api.patch(
                                "/api/v1/settings/safety",
                                admin.accessToken(),
                                Map.of("channels", Map.of("EMAIL", true, "SMS", 1)))
                        .expectError(400, "VALIDATION_ERROR")
                        .body())
                .contains("channels.SMS");
        assertThat(api.patch("/api/v1/settings/safety", admin.accessToken(), Map.of("killSwitch", true))
                        .expectError(400, "VALIDATION_ERROR")
                        .body())
                .contains("killSwitch");
        api.patch("/api/v1/settings/safety", admin.accessToken(), "[true]").expectError(400, "VALIDATION_ERROR");
        JsonNode s = api.get("/api/v1/settings/safety", admin.accessToken()).json();
        assertThat(s.path("channels").path("EMAIL").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/events/feed", admin.accessToken())
                        .json()
                        .path("data")
                        .toString())
                .doesNotContain("safety.");
    }

    @Test
    void suppressionsAreNormalisedListedAndLifted() {
        Api api = api();
        Api.Session admin = api.signup();
        JsonNode email = api.post(
                        "/api/v1/suppressions",
                        admin.accessToken(),
                        Map.of("channel", "EMAIL", "address", "  Jane.Doe@Example.COM ", "reason", "UNSUBSCRIBED"))
                .expect(201)
                .json();
        assertThat(email.path("address").asText()).isEqualTo("jane.doe@example.com");
        JsonNode phone = api.post(
                        "/api/v1/suppressions",
                        admin.accessToken(),
                        Map.of("channel", "SMS", "address", "(416) 555-0199", "reason", "DND"))
                .expect(201)
                .json();
        assertThat(phone.path("address").asText()).isEqualTo("+14165550199");
        api.post(
                        "/api/v1/suppressions",
                        admin.accessToken(),
                        Map.of("channel", "EMAIL", "address", "jane.doe@example.com"))
                .expectError(409, "CONFLICT");
        JsonNode list = api.get("/api/v1/suppressions?channel=SMS", admin.accessToken())
                .expect(200)
                .json();
        assertThat(list.path("data")).hasSize(1);
        assertThat(list.path("pagination").path("total").asLong()).isEqualTo(1);
        api.delete("/api/v1/suppressions/" + email.path("id").asText(), admin.accessToken())
                .expect(204);
        api.delete("/api/v1/suppressions/" + email.path("id").asText(), admin.accessToken())
                .expectError(404, "NOT_FOUND");
        assertThat(api.get("/api/v1/suppressions", admin.accessToken())
                        .json()
                        .path("pagination")
                        .path("total")
                        .asLong())
                .isEqualTo(1);
        List<String> types = new java.util.ArrayList<>();
        api.get("/api/v1/events/feed?type=suppression.", admin.accessToken())
                .json()
                .path("data")
                .forEach(e -> types.add(e.path("type").asText()));
        assertThat(types).containsExactly("suppression.removed", "suppression.added", "suppression.added");
    }

    @Test
    void badSuppressionsAre400() {
        Api api = api();
        Api.Session admin = api.signup();
        api.post("/api/v1/suppressions", admin.accessToken(), Map.of("channel", "PIGEON", "address", "x"))
                .expectError(400, "VALIDATION_ERROR");
        assertThat(api.post("/api/v1/suppressions", admin.accessToken(), Map.of("channel", "EMAIL", "address", "nope"))
                        .expectError(400, "VALIDATION_ERROR")
                        .body())
                .contains("address");
        api.post("/api/v1/suppressions", admin.accessToken(), Map.of("channel", "WHATSAPP", "address", "12"))
                .expectError(400, "VALIDATION_ERROR");
        api.post(
                        "/api/v1/suppressions",
                        admin.accessToken(),
                        Map.of("channel", "EMAIL", "address", "a@b.co", "reason", "BORED"))
                .expectError(400, "VALIDATION_ERROR");
        assertThat(api.get("/api/v1/suppressions", admin.accessToken()).json().path("data"))
                .isEmpty();
    }
}
