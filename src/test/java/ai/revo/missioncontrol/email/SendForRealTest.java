package ai.revo.missioncontrol.email;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.outbound.RecordingAdapters;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** An email simulated in dry run is sent for real later, once, and never while dry run is on. */
class SendForRealTest extends IntegrationTest {

    @Test
    void aSimulatedEmailIsSentForRealOnceAfterDryRunIsTurnedOff() {
        Api api = api();
        Api.Session admin = api.signup();
        String t = admin.accessToken();
        TenantId tenant = TenantId.of(admin.tenantId());
        RecordingAdapters.configure(tenant);
        api.patch("/api/v1/settings/safety", t, Map.of("dryRunMode", true, "channels", Map.of("EMAIL", true)))
                .expect(200);
        String to = Api.uniqueEmail("marie");
        String draft = api.post(
                        "/api/v1/emails/draft", t, Map.of("subject", "Radium", "bodyHtml", "<p>Hello Marie</p>"))
                .expect(200)
                .json()
                .path("id")
                .asText();
        String simulated = api.send(
                        "POST",
                        "/api/v1/emails/send",
                        t,
                        Map.of("draftId", draft, "toEmail", to),
                        Map.of("Idempotency-Key", UUID.randomUUID().toString()))
                .expect(202)
                .json()
                .path("id")
                .asText();
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(api.get("/api/v1/emails/" + simulated, t)
                                .json()
                                .path("status")
                                .asText())
                        .isEqualTo("SIMULATED"));

        // while dry run is on: refused plainly, nothing queued
        var refused = api.post("/api/v1/emails/" + simulated + "/send-for-real", t, null)
                .expectError(409, "CONFLICT");
        assertThat(refused.json().path("error").path("message").asText()).contains("Dry run is on");
        assertThat(api.get("/api/v1/emails?q=" + to, t).json().path("data").size())
                .isEqualTo(1);

        api.patch("/api/v1/settings/safety", t, Map.of("dryRunMode", false)).expect(200);
        String real = api.post("/api/v1/emails/" + simulated + "/send-for-real", t, null)
                .expect(202)
                .json()
                .path("id")
                .asText();
        assertThat(real).isNotEqualTo(simulated);
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(api.get("/api/v1/emails/" + real, t)
                                .json()
                                .path("status")
                                .asText())
                        .isEqualTo("SENT"));
        assertThat(RecordingAdapters.sentFor(tenant)).hasSize(1);
        assertThat(RecordingAdapters.sentFor(tenant).get(0).message().to()).isEqualTo(to);
        assertThat(RecordingAdapters.sentFor(tenant).get(0).message().subject()).isEqualTo("Radium");

        // never twice; the real email is not simulated; an unknown one is 404
        var twice = api.post("/api/v1/emails/" + simulated + "/send-for-real", t, null)
                .expectError(409, "CONFLICT");
        assertThat(twice.json().path("error").path("details").path("emailId").asText())
                .isEqualTo(real);
        api.post("/api/v1/emails/" + real + "/send-for-real", t, null).expectError(409, "CONFLICT");
        api.post("/api/v1/emails/" + UUID.randomUUID() + "/send-for-real", t, null)
                .expectError(404, "NOT_FOUND");
        Api.Session viewer = api.addUser(admin, "VIEWER");
        api.post("/api/v1/emails/" + simulated + "/send-for-real", viewer.accessToken(), null)
                .expect(403);
        assertThat(RecordingAdapters.sentFor(tenant)).hasSize(1);
    }
}
