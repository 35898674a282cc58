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

    @Autowired
    StoppedEnrolmentVeto veto;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Autowired
    ai.revo.missioncontrol.email.EmailTracking tracking;

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

    /** One lead whose first step (an email, no automatic approval) waits in the approval inbox; a task follows. */
    private Setup awaitingApproval() {
        Api.Session admin = api().signup();
        String t = admin.accessToken();
        String campaign = SequenceApiTest.campaign(api(), t);
        api().patch("/api/v1/campaigns/" + campaign + "/status", t, Map.of("status", "ACTIVE"))
                .expect(200);
        String email = Api.uniqueEmail("seq-withdraw");
        String lead = api().post(
                        "/api/v1/leads",
                        t,
                        Map.of("campaignId", campaign, "contact", Map.of("email", email, "firstName", "Ada")))
                .expect(201)
                .json()
                .path("id")
                .asText();
        Map<String, Object> first = Map.of(
                "kind",
                "EMAIL",
                "delay",
                Map.of("amount", 0, "unit", "HOURS"),
                "variants",
                List.of(
                        Map.of("subject", "Hi {{firstName}}", "body", "<p>One question.</p>"),
                        Map.of("subject", "Hello {{firstName}}", "body", "<p>A short note.</p>")));
        Map<String, Object> second = Map.of(
                "kind", "TASK", "delay", Map.of("amount", 3, "unit", "DAYS"), "instruction", "Call {{firstName}}");
        String sequence = api().post(
                        "/api/v1/sequences",
                        t,
                        Map.of("campaignId", campaign, "name", "Withdraw", "steps", List.of(first, second)))
                .expect(201)
                .json()
                .path("id")
                .asText();
        api().patch("/api/v1/sequences/" + sequence, t, Map.of("status", "ACTIVE"))
                .expect(200);
        api().post("/api/v1/sequences/" + sequence + "/enrolments", t, Map.of("leadIds", List.of(lead)))
                .expect(200);
        Setup s = new Setup(admin, campaign, sequence, lead, email);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> drafts(s).size() == 1
                        && drafts(s).get(0).path("status").asText().equals("NEEDS_APPROVAL")
                        && enrolment(s).path("currentStep").asInt() == 2);
        assertThat(inbox(s)).contains(drafts(s).get(0).path("id").asText());
        return s;
    }

    private List<JsonNode> drafts(Setup s) {
        List<JsonNode> out = new java.util.ArrayList<>();
        api().get("/api/v1/drafts?campaignId=" + s.campaign(), s.t())
                .expect(200)
                .json()
                .path("data")
                .forEach(out::add);
        return out;
    }

    private List<String> inbox(Setup s) {
        List<String> ids = new java.util.ArrayList<>();
        api().get("/api/v1/approvals/inbox?limit=100", s.t())
                .expect(200)
                .json()
                .path("data")
                .forEach(item -> ids.add(item.path("draft").path("id").asText()));
        return ids;
    }

    @Test
    void aPersonsStopWithdrawsTheStepsDraftFromTheApprovalInbox() {
        Setup s = awaitingApproval();
        String draft = drafts(s).get(0).path("id").asText();
        api().post(
                        "/api/v1/enrolments/" + enrolment(s).path("id").asText() + "/stop",
                        s.t(),
                        Map.of("reason", "asked us to stop on the phone"))
                .expect(200);
        JsonNode after = api().get("/api/v1/drafts/" + draft, s.t()).expect(200).json();
        assertThat(after.path("status").asText()).isEqualTo("REJECTED");
        assertThat(after.path("notes").asText())
                .isEqualTo("Withdrawn: the lead's sequence stopped (asked us to stop on the phone)");
        assertThat(inbox(s)).doesNotContain(draft);
        // approving it later is refused: it is no longer waiting
        api().post("/api/v1/drafts/" + draft + "/approve", s.t(), Map.of()).expect(409);
        assertThat(api().get("/api/v1/drafts/" + draft, s.t())
                        .expect(200)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("REJECTED");
        // and an email made from it anyway would be refused by the worker's veto (asked in the worker's transaction)
        UUID draftId = UUID.fromString(draft);
        var email = new ai.revo.missioncontrol.email.EmailView(
                UUID.randomUUID(),
                draftId,
                "APPROVAL",
                UUID.fromString(s.campaign()),
                UUID.fromString(s.lead()),
                null,
                null,
                s.email(),
                "Hi Ada",
                ai.revo.missioncontrol.email.EmailStatus.PENDING_SEND,
                null,
                null,
                null,
                0,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        java.util.Optional<String> refusal = ai.revo.missioncontrol.platform.TenantContext.callAs(
                s.tenant().value(),
                () -> new org.springframework.transaction.support.TransactionTemplate(transactions)
                        .execute(tx -> veto.refusal(s.tenant(), email)));
        assertThat(refusal).hasValueSatisfying(why -> assertThat(why).contains("asked us to stop on the phone"));
    }

    @Test
    void aStopRuleWithdrawsTheStepsDraftFromTheApprovalInbox() {
        Setup s = awaitingApproval();
        String draft = drafts(s).get(0).path("id").asText();
        signals.stopLead(s.tenant(), UUID.fromString(s.lead()), "the lead moved to WON", Actor.system());
        assertThat(enrolment(s).path("status").asText()).isEqualTo("STOPPED");
        JsonNode after = api().get("/api/v1/drafts/" + draft, s.t()).expect(200).json();
        assertThat(after.path("status").asText()).isEqualTo("REJECTED");
        assertThat(after.path("notes").asText()).contains("the lead moved to WON");
        assertThat(inbox(s)).doesNotContain(draft);
        // a second delivery of the same stop changes nothing and does not fail
        assertThat(signals.stopLead(s.tenant(), UUID.fromString(s.lead()), "the lead moved to WON", Actor.system()))
                .isZero();
    }
}
