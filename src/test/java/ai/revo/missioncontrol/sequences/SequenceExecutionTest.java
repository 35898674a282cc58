package ai.revo.missioncontrol.sequences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.revo.missioncontrol.email.EmailTracking;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Due steps run as durable work against the real PostgreSQL: once, in the window, and never after a stop. */
class SequenceExecutionTest extends IntegrationTest {

    @Autowired
    SequenceRunner runner;

    @Autowired
    SequenceSignals signals;

    @Autowired
    EmailTracking tracking;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    record Setup(Api.Session admin, String campaign, String sequence, List<String> leads, List<String> contacts) {
        String t() {
            return admin.accessToken();
        }

        TenantId tenant() {
            return TenantId.of(admin.tenantId());
        }
    }

    private Setup setup(List<Map<String, Object>> steps, int leads, String timezone, boolean autoApprove) {
        Api.Session admin = api().signup();
        String t = admin.accessToken();
        if (autoApprove) {
            api().put("/api/v1/agent-settings", t, Map.of("autoApprove", List.of("SEQUENCE_STEP")))
                    .expect(200);
        }
        String campaign = SequenceApiTest.campaign(api(), t);
        // an ACTIVE campaign: the activation by the first queued emails is not what these tests are about
        // (ApprovedEmailConcurrencyTest covers it)
        api().patch("/api/v1/campaigns/" + campaign + "/status", t, Map.of("status", "ACTIVE"))
                .expect(200);
        List<String> leadIds = new ArrayList<>();
        List<String> contactIds = new ArrayList<>();
        for (int i = 0; i < leads; i++) {
            Map<String, Object> contact = new HashMap<>();
            contact.put("email", Api.uniqueEmail("seq-run"));
            contact.put("firstName", "Ada");
            contact.put("company", "Globex");
            if (timezone != null) {
                contact.put("timezone", timezone);
            }
            JsonNode lead = api().post("/api/v1/leads", t, Map.of("campaignId", campaign, "contact", contact))
                    .expect(201)
                    .json();
            leadIds.add(lead.path("id").asText());
            contactIds.add(lead.path("contactId").asText());
        }
        String sequence = api().post(
                        "/api/v1/sequences", t, Map.of("campaignId", campaign, "name", "Run", "steps", steps))
                .expect(201)
                .json()
                .path("id")
                .asText();
        return new Setup(admin, campaign, sequence, leadIds, contactIds);
    }

    private void activate(Setup s) {
        api().patch("/api/v1/sequences/" + s.sequence(), s.t(), Map.of("status", "ACTIVE"))
                .expect(200);
    }

    private List<JsonNode> enrol(Setup s) {
        List<JsonNode> out = new ArrayList<>();
        api().post("/api/v1/sequences/" + s.sequence() + "/enrolments", s.t(), Map.of("leadIds", s.leads()))
                .expect(200)
                .json()
                .path("enrolled")
                .forEach(out::add);
        return out;
    }

    private List<JsonNode> enrolments(Setup s) {
        List<JsonNode> out = new ArrayList<>();
        api().get("/api/v1/sequences/" + s.sequence() + "/enrolments?limit=200", s.t())
                .expect(200)
                .json()
                .path("data")
                .forEach(out::add);
        return out;
    }

    private List<JsonNode> list(Setup s, String path) {
        List<JsonNode> out = new ArrayList<>();
        api().get(path, s.t()).expect(200).json().path("data").forEach(out::add);
        return out;
    }

    private static Map<String, Object> abEmail() {
        return Map.of(
                "kind",
                "EMAIL",
                "delay",
                Map.of("amount", 0, "unit", "HOURS"),
                "variants",
                List.of(
                        Map.of(
                                "weight",
                                1,
                                "subject",
                                "Hi {{firstName}}",
                                "body",
                                "<p>Quick question, {{firstName}}.</p>"),
                        Map.of(
                                "weight",
                                1,
                                "subject",
                                "Hello {{firstName}}",
                                "body",
                                "<p>A short note for {{company}}.</p>")));
    }

    @Test
    void aThreeStepSequenceRunsEachStepOnceWithTheLeadsVariantAndFinishes() {
        Setup s = setup(
                List.of(
                        abEmail(),
                        Map.of("kind", "WAIT", "delay", Map.of("amount", 0, "unit", "HOURS")),
                        Map.of(
                                "kind",
                                "TASK",
                                "delay",
                                Map.of("amount", 0, "unit", "HOURS"),
                                "instruction",
                                "Call {{firstName}} at {{company}}")),
                4,
                null,
                true);
        activate(s);
        List<JsonNode> enrolled = enrol(s);
        assertThat(enrolled).hasSize(4);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> enrolments(s).stream()
                        .allMatch(e -> e.path("status").asText().equals("FINISHED")));
        JsonNode step1 = api().get("/api/v1/sequences/" + s.sequence(), s.t())
                .expect(200)
                .json()
                .path("steps")
                .get(0);
        List<SequenceView.Variant> variants = new ArrayList<>();
        step1.path("variants")
                .forEach(v -> variants.add(new SequenceView.Variant(
                        UUID.fromString(v.path("id").asText()),
                        v.path("weight").asInt(),
                        v.path("subject").asText(),
                        v.path("body").asText(),
                        null)));
        // one approved draft per lead (the agent approved it: the admin activated the sequence and the workspace
        // allows SEQUENCE_STEP), with the variant the hash of lead and step picks, merge fields filled
        List<JsonNode> drafts = list(s, "/api/v1/drafts?campaignId=" + s.campaign() + "&limit=200");
        assertThat(drafts).hasSize(4);
        for (JsonNode d : drafts) {
            assertThat(d.path("status").asText()).isEqualTo("APPROVED");
            UUID lead = UUID.fromString(d.path("leadId").asText());
            String expected = Split.pick(lead, UUID.fromString(step1.path("id").asText()), variants)
                    .subject()
                    .replace("{{firstName}}", "Ada");
            assertThat(d.path("subject").asText()).isEqualTo(expected);
        }
        // each approved draft became an email through the pipeline
        await().atMost(Duration.ofSeconds(30))
                .until(() -> list(s, "/api/v1/emails?campaignId=" + s.campaign() + "&limit=200")
                                .size()
                        == 4);
        // one task per lead, for a person
        List<JsonNode> tasks = list(s, "/api/v1/tasks?limit=200").stream()
                .filter(task -> task.path("title").asText().equals("Call Ada at Globex"))
                .toList();
        assertThat(tasks).hasSize(4);
        // running a step again (another node, a restart, a doubled task) does nothing
        for (JsonNode e : enrolled) {
            runner.run(s.tenant(), UUID.fromString(e.path("id").asText()), 1);
            runner.run(s.tenant(), UUID.fromString(e.path("id").asText()), 3);
        }
        assertThat(list(s, "/api/v1/drafts?campaignId=" + s.campaign() + "&limit=200"))
                .hasSize(4);
        assertThat(list(s, "/api/v1/tasks?limit=200").stream()
                        .filter(task -> task.path("title").asText().equals("Call Ada at Globex"))
                        .count())
                .isEqualTo(4);
    }

    @Test
    void anEmailStepWaitsForTheSendWindowInTheContactsTimeZone() {
        String zone = "Pacific/Kiritimati"; // UTC+14, the campaign's zone is UTC
        ZoneId contactZone = ZoneId.of(zone);
        LocalDate day = LocalDate.now(contactZone).plusDays(2);
        DayOfWeek dow = day.getDayOfWeek();
        Setup s = setup(List.of(abEmail()), 1, zone, true);
        api().put(
                        "/api/v1/campaigns/" + s.campaign() + "/email-settings",
                        s.t(),
                        Map.of(
                                "sendWindow",
                                Map.of(
                                        "days",
                                        List.of(dow.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
                                                .toUpperCase(Locale.ROOT)),
                                        "start",
                                        "09:00",
                                        "end",
                                        "10:00")))
                .expect(200);
        activate(s);
        enrol(s);
        Instant opens = day.atTime(LocalTime.of(9, 0)).atZone(contactZone).toInstant();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Instant.parse(
                                enrolments(s).get(0).path("nextStepAt").asText())
                        .equals(opens));
        assertThat(enrolments(s).get(0).path("currentStep").asInt()).isEqualTo(1);
        assertThat(list(s, "/api/v1/drafts?campaignId=" + s.campaign())).isEmpty();
    }

    @Test
    void aReplyStopsThePersonsEnrolmentAndNoLaterStepRuns() {
        Setup s = setup(
                List.of(
                        abEmail(),
                        Map.of(
                                "kind",
                                "TASK",
                                "delay",
                                Map.of("amount", 3, "unit", "DAYS"),
                                "instruction",
                                "Follow up with {{firstName}}")),
                1,
                null,
                true);
        activate(s);
        String enrolment = enrol(s).get(0).path("id").asText();
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        list(s, "/api/v1/emails?campaignId=" + s.campaign()).size() == 1
                                && enrolments(s).get(0).path("currentStep").asInt() == 2);
        UUID email = UUID.fromString(list(s, "/api/v1/emails?campaignId=" + s.campaign())
                .get(0)
                .path("id")
                .asText());
        tracking.recordReply(s.tenant(), email, "Re: Hi", "Not now, thanks");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> enrolments(s).get(0).path("status").asText().equals("STOPPED"));
        // an email reply also arrives as a conversation message: whichever stop rule comes first names the reason
        assertThat(enrolments(s).get(0).path("stoppedReason").asText())
                .isIn("replied by email", "replied in a conversation");
        // the task step, even if its time came now, does nothing
        runner.run(s.tenant(), UUID.fromString(enrolment), 2);
        assertThat(list(s, "/api/v1/tasks?limit=200").stream()
                        .filter(task -> task.path("title").asText().startsWith("Follow up"))
                        .count())
                .isZero();
    }

    @Test
    void aStopRacingADueStepNeverLetsTheStepsEmailOut() throws Exception {
        // no auto-approval: whatever the step produced waits in the approval inbox until the race is over
        int n = 12;
        Map<String, Object> step = new HashMap<>(abEmail());
        step.put("delay", Map.of("amount", 1, "unit", "HOURS")); // the scheduler's own task waits an hour
        Setup s = setup(List.of(step), n, null, false);
        activate(s);
        List<JsonNode> enrolled = enrol(s);
        // every step falls due now: the racers below are the only ones to run it
        ai.revo.missioncontrol.platform.TenantContext.runAs(
                s.tenant().value(),
                () -> new org.springframework.transaction.support.TransactionTemplate(transactions)
                        .executeWithoutResult(tx -> jdbc.sql(
                                        "update sequence_enrolments set next_step_at = now() where sequence_id = ?")
                                .params(UUID.fromString(s.sequence()))
                                .update()));
        // a few pairs at a time: each racer holds a database connection while it waits for the row lock
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                UUID enrolment = UUID.fromString(enrolled.get(i).path("id").asText());
                UUID contact = UUID.fromString(s.contacts().get(i));
                CyclicBarrier start = new CyclicBarrier(2);
                work.add(pool.submit(() -> {
                    start.await();
                    runner.run(s.tenant(), enrolment, 1);
                    return null;
                }));
                work.add(pool.submit(() -> {
                    start.await();
                    signals.stopPerson(s.tenant(), contact, "replied by email", Actor.system());
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<JsonNode> after = enrolments(s);
        // the only step ran first (FINISHED, its message withdrawn by the stop) or the stop came first (STOPPED)
        assertThat(after)
                .hasSize(n)
                .allMatch(e -> e.path("status").asText().equals("STOPPED")
                        || e.path("status").asText().equals("FINISHED"));
        long finished = after.stream()
                .filter(e -> e.path("status").asText().equals("FINISHED"))
                .count();
        // each step that ran filed exactly one draft
        List<JsonNode> drafts = list(s, "/api/v1/drafts?campaignId=" + s.campaign() + "&limit=200");
        assertThat((long) drafts.size()).isEqualTo(finished);
        // the stop withdrew each one from the approval inbox (rejected with the reason)
        assertThat(drafts)
                .allMatch(d -> d.path("status").asText().equals("REJECTED")
                        && d.path("notes").asText().contains("replied by email"));
        assertThat(drafts.stream()
                        .map(d -> d.path("leadId").asText())
                        .distinct()
                        .count())
                .isEqualTo(drafts.size());
        if (!drafts.isEmpty()) {
            // a person cannot approve them afterwards, and none became an email
            JsonNode bulk = api().post(
                            "/api/v1/approvals/bulk",
                            s.t(),
                            Map.of(
                                    "decision",
                                    "APPROVE",
                                    "draftIds",
                                    drafts.stream()
                                            .map(d -> d.path("id").asText())
                                            .toList()))
                    .expect(200)
                    .json();
            assertThat(bulk.path("decided").asInt()).isZero();
            assertThat(list(s, "/api/v1/emails?campaignId=" + s.campaign() + "&limit=200"))
                    .isEmpty();
        }
        System.out.printf("race: %d of %d steps ran before the stop%n", drafts.size(), n);
    }

    private void sql(Setup s, String statement, Object... params) {
        ai.revo.missioncontrol.platform.TenantContext.runAs(
                s.tenant().value(),
                () -> new org.springframework.transaction.support.TransactionTemplate(transactions)
                        .executeWithoutResult(
                                tx -> jdbc.sql(statement).params(params).update()));
    }

    private Instant sentAt(Setup s, UUID enrolment) {
        return ai.revo.missioncontrol.platform.TenantContext.callAs(
                s.tenant().value(),
                () -> new org.springframework.transaction.support.TransactionTemplate(transactions)
                        .execute(tx -> jdbc.sql(
                                        "select sent_at from sequence_step_runs where enrolment_id = ? and position = 1")
                                .params(enrolment)
                                .query(java.sql.Timestamp.class)
                                .optional()
                                .map(java.sql.Timestamp::toInstant)
                                .orElse(null)));
    }

    private long followUps(Setup s) {
        return list(s, "/api/v1/tasks?limit=200").stream()
                .filter(task -> task.path("title").asText().equals("Call Ada after the email"))
                .count();
    }

    @Test
    void theNextStepsDelayCountsFromWhenThePreviousEmailWentOutNotFromWhenItWasDrafted() {
        Setup s = setup(
                List.of(
                        abEmail(),
                        Map.of(
                                "kind",
                                "TASK",
                                "delay",
                                Map.of("amount", 1, "unit", "HOURS"),
                                "instruction",
                                "Call {{firstName}} after the email")),
                1,
                null,
                false);
        activate(s);
        UUID enrolment = UUID.fromString(enrol(s).get(0).path("id").asText());
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        list(s, "/api/v1/drafts?campaignId=" + s.campaign()).size() == 1
                                && enrolments(s).get(0).path("currentStep").asInt() == 2);
        String draft = list(s, "/api/v1/drafts?campaignId=" + s.campaign())
                .get(0)
                .path("id")
                .asText();
        // an hour after the email step ran its draft still waits for approval: the task is not due
        sql(
                s,
                "update sequence_step_runs set created_at = now() - interval '61 minutes' where enrolment_id = ?",
                enrolment);
        sql(s, "update sequence_enrolments set next_step_at = now() - interval '1 minute' where id = ?", enrolment);
        runner.run(s.tenant(), enrolment, 2);
        assertThat(followUps(s)).isZero();
        JsonNode waiting = enrolments(s).get(0);
        assertThat(waiting.path("currentStep").asInt()).isEqualTo(2);
        assertThat(Instant.parse(waiting.path("nextStepAt").asText())).isAfter(Instant.now());

        // approved and sent: the task falls due an hour after the email went out
        api().post("/api/v1/drafts/" + draft + "/approve", s.t(), Map.of()).expect(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> sentAt(s, enrolment) != null);
        Instant sent = sentAt(s, enrolment);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Math.abs(Duration.between(
                                        sent.plus(Duration.ofHours(1)),
                                        Instant.parse(enrolments(s)
                                                .get(0)
                                                .path("nextStepAt")
                                                .asText()))
                                .toMillis())
                        < 2);
        runner.run(s.tenant(), enrolment, 2);
        assertThat(followUps(s)).isZero();

        // an hour after sending, it runs
        sql(
                s,
                "update sequence_step_runs set sent_at = sent_at - interval '61 minutes' where enrolment_id = ?",
                enrolment);
        sql(s, "update sequence_enrolments set next_step_at = now() - interval '1 minute' where id = ?", enrolment);
        runner.run(s.tenant(), enrolment, 2);
        assertThat(followUps(s)).isEqualTo(1);
        assertThat(enrolments(s).get(0).path("status").asText()).isEqualTo("FINISHED");
    }
}
