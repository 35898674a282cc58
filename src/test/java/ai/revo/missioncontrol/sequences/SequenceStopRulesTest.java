package ai.revo.missioncontrol.sequences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.safety.Channel;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The stop rules as the listeners apply them, against the real PostgreSQL. */
class SequenceStopRulesTest extends IntegrationTest {

    @Autowired
    SequenceSignals signals;

    @Autowired
    JdbcClient jdbc;

    record Setup(Api.Session admin, String campaign, String sequence, String lead, String email) {
        String t() {
            return admin.accessToken();
        }

        TenantId tenant() {
            return TenantId.of(admin.tenantId());
        }
    }

    /** One lead enrolled in an ACTIVE sequence whose only step is days away. */
    private Setup enrolledLead() {
        Api.Session admin = api().signup();
        String t = admin.accessToken();
        String campaign = SequenceApiTest.campaign(api(), t);
        String email = Api.uniqueEmail("seq-stop");
        String lead = api().post(
                        "/api/v1/leads",
                        t,
                        Map.of("campaignId", campaign, "contact", Map.of("email", email, "firstName", "Ada")))
                .expect(201)
                .json()
                .path("id")
                .asText();
        String sequence = api().post(
                        "/api/v1/sequences",
                        t,
                        Map.of(
                                "campaignId",
                                campaign,
                                "name",
                                "Stops",
                                "steps",
                                List.of(Map.of(
                                        "kind",
                                        "TASK",
                                        "delay",
                                        Map.of("amount", 3, "unit", "DAYS"),
                                        "instruction",
                                        "Call {{firstName}}"))))
                .expect(201)
                .json()
                .path("id")
                .asText();
        api().patch("/api/v1/sequences/" + sequence, t, Map.of("status", "ACTIVE"))
                .expect(200);
        api().post("/api/v1/sequences/" + sequence + "/enrolments", t, Map.of("leadIds", List.of(lead)))
                .expect(200);
        return new Setup(admin, campaign, sequence, lead, email);
    }

    private JsonNode enrolment(Setup s) {
        return api().get("/api/v1/sequences/" + s.sequence() + "/enrolments", s.t())
                .expect(200)
                .json()
                .path("data")
                .get(0);
    }

    private long unfinishedSequenceDeliveries(String suppressionId) {
        return jdbc.sql("""
                        select count(*) from event_publication where completion_date is null
                        and listener_id like '%SequenceListeners%' and serialized_event like ?""").param("%" + suppressionId + "%").query(Long.class).single();
    }

    private long sequenceDeliveries(String suppressionId) {
        return jdbc.sql("""
                        select count(*) from event_publication
                        where listener_id like '%SequenceListeners%' and serialized_event like ?""").param("%" + suppressionId + "%").query(Long.class).single();
    }

    @Test
    void aSuppressedAddressThatNamesNoContactStopsNothingAndTheStopStillCommits() {
        Setup s = enrolledLead();
        // a social handle and a phone-channel value that is no phone number: before, the contact lookup threw inside
        // the stop's transaction, the caught exception left it rollback-only and its commit failed
        assertThat(signals.stopAddress(s.tenant(), Channel.LINKEDIN, "ada-lovelace", "suppressed", Actor.system()))
                .isZero();
        assertThat(signals.stopAddress(s.tenant(), Channel.WHATSAPP, "not a number", "suppressed", Actor.system()))
                .isZero();
        assertThat(signals.stopAddress(s.tenant(), Channel.EMAIL, "not an address", "suppressed", Actor.system()))
                .isZero();
        assertThat(enrolment(s).path("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void theSuppressionListenerCompletesForASocialHandleAndStopsThePersonForTheirEmail() {
        Setup s = enrolledLead();
        String handle = api().post(
                        "/api/v1/suppressions",
                        s.t(),
                        Map.of("channel", "LINKEDIN", "address", "ada-" + UUID.randomUUID(), "reason", "MANUAL"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> sequenceDeliveries(handle) == 1 && unfinishedSequenceDeliveries(handle) == 0);
        assertThat(enrolment(s).path("status").asText()).isEqualTo("ACTIVE");

        String address = api().post(
                        "/api/v1/suppressions",
                        s.t(),
                        Map.of("channel", "EMAIL", "address", s.email(), "reason", "MANUAL"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> enrolment(s).path("status").asText().equals("STOPPED"));
        assertThat(enrolment(s).path("stoppedReason").asText()).isEqualTo("address suppressed (manual)");
        await().atMost(Duration.ofSeconds(20)).until(() -> unfinishedSequenceDeliveries(address) == 0);
    }
}
