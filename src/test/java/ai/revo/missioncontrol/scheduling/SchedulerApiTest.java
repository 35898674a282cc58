package ai.revo.missioncontrol.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.kagkarlsson.scheduler.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;

class SchedulerApiTest extends IntegrationTest {

    /** Work for agent qa_reviewer registered only while this class runs; behaves as its job's parameters say. */
    static final class TestWork implements JobWork {
        final AtomicInteger calls = new AtomicInteger();
        final List<JobInvocation> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public String agentKey() {
            return "qa_reviewer";
        }

        @Override
        public JobOutcome perform(JobInvocation invocation) {
            calls.incrementAndGet();
            seen.add(invocation);
            Object mode = invocation.parameters().get("mode");
            if ("throw".equals(mode)) {
                throw new IllegalStateException("boom from the test work");
            }
            if ("skip".equals(mode)) {
                return JobOutcome.skipped("agent paused");
            }
            return JobOutcome.completed(Map.of("reviewed", 3, "failed", 0), null);
        }
    }

    static final String WORK_BEAN = "schedulerApiTestWork";
    static TestWork work;

    @Autowired
    Scheduler scheduler;

    @BeforeAll
    static void registerWork(@Autowired ConfigurableApplicationContext context) {
        work = new TestWork();
        context.getBeanFactory().registerSingleton(WORK_BEAN, work);
    }

    @AfterAll
    static void removeWork(@Autowired ConfigurableApplicationContext context) {
        ((DefaultListableBeanFactory) context.getBeanFactory()).destroySingleton(WORK_BEAN);
    }

    private static Map<String, Object> job(String key, String cron, String agent, Map<String, Object> parameters) {
        Map<String, Object> body = new HashMap<>();
        body.put("key", key);
        body.put("name", "Job " + key);
        body.put("cron", cron);
        body.put("agent", agent);
        if (parameters != null) {
            body.put("parameters", parameters);
        }
        return body;
    }

    private JsonNode awaitRun(Api api, Api.Session s, String runId, String status) throws InterruptedException {
        return org.awaitility.Awaitility.await()
                .alias("run " + runId + " becomes " + status)
                .atMost(Duration.ofSeconds(20))
                .until(
                        () -> api.get("/api/v1/scheduler/runs/" + runId, s.accessToken())
                                .expect(200)
                                .json(),
                        run -> run.path("status").asText().equals(status));
    }

    private JsonNode awaitRunsOf(Api api, Api.Session s, String jobId, int count) throws InterruptedException {
        return org.awaitility.Awaitility.await()
                .alias(count + " finished runs of job " + jobId)
                .atMost(Duration.ofSeconds(20))
                .until(
                        () -> api.get("/api/v1/scheduler/runs?jobId=" + jobId, s.accessToken())
                                .expect(200)
                                .json()
                                .path("data"),
                        runs -> runs.size() >= count
                                && !runs.get(0).path("status").asText().matches("QUEUED|RUNNING"));
    }

    private List<String> eventTypes(Api api, Api.Session s, String prefix) {
        List<String> types = new ArrayList<>();
        api.get("/api/v1/events/feed?type=" + prefix + "&order=asc&limit=200", s.accessToken())
                .expect(200)
                .json()
                .path("data")
                .forEach(e -> types.add(e.path("type").asText()));
        return types;
    }

    @Test
    void everyNewWorkspaceHasTheFiveDefaultJobsInTorontoEachPlannedInTheClusterScheduler() {
        Api api = api();
        Api.Session admin = api.signup();
        JsonNode jobs = api.get("/api/v1/scheduler/jobs", admin.accessToken())
                .expect(200)
                .json()
                .path("data");
        Map<String, String> cronByKey = new HashMap<>();
        Map<String, String> agentByKey = new HashMap<>();
        jobs.forEach(j -> {
            cronByKey.put(j.path("key").asText(), j.path("cron").asText());
            agentByKey.put(j.path("key").asText(), j.path("agent").asText());
            assertThat(j.path("timezone").asText()).isEqualTo("America/Toronto");
            assertThat(j.path("enabled").asBoolean()).isTrue();
            assertThat(j.path("lastRun").isNull()).isTrue();
            Instant next = Instant.parse(j.path("nextFireAt").asText());
            assertThat(next).isAfter(Instant.now()).isBefore(Instant.now().plus(Duration.ofHours(25)));
            assertThat(scheduler.getScheduledExecution(
                            JobTriggers.JOB.instanceId(j.path("id").asText())))
                    .as("cluster scheduler entry of %s", j.path("key").asText())
                    .hasValueSatisfying(e -> assertThat(e.getExecutionTime()).isEqualTo(next));
        });
        assertThat(cronByKey)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "lead_research",
                        "0 9 * * *",
                        "enrichment_scoring",
                        "30 9 * * *",
                        "outreach_drafting_qa",
                        "30 10 * * *",
                        "content_research_creation_qa",
                        "0 12 * * *",
                        "daily_brief",
                        "30 16 * * *"));
        assertThat(agentByKey)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "lead_research",
                        "lead_researcher",
                        "enrichment_scoring",
                        "enrichment_scorer",
                        "outreach_drafting_qa",
                        "outreach_drafter",
                        "content_research_creation_qa",
                        "content_creator",
                        "daily_brief",
                        "daily_briefer"));
    }

    @Test
    void invalidCronZoneAgentOrKeyIsA400NamingTheFieldAndADuplicateKeyA409() {
        Api api = api();
        Api.Session admin = api.signup();
        String t = admin.accessToken();
        JsonNode six = api.post("/api/v1/scheduler/jobs", t, job("six_fields", "0 30 16 * * *", "qa_reviewer", null))
                .expectError(400, "VALIDATION_ERROR")
                .json();
        assertThat(six.path("error")
                        .path("details")
                        .path("fields")
                        .get(0)
                        .path("field")
                        .asText())
                .isEqualTo("cron");
        assertThat(six.path("error").path("message").asText()).contains("five fields");
        api.post("/api/v1/scheduler/jobs", t, job("garbage", "61 * * * *", "qa_reviewer", null))
                .expectError(400, "VALIDATION_ERROR");
        Map<String, Object> zone = job("bad_zone", "0 9 * * *", "qa_reviewer", null);
        zone.put("timezone", "Mars/Olympus");
        JsonNode badZone = api.post("/api/v1/scheduler/jobs", t, zone)
                .expectError(400, "VALIDATION_ERROR")
                .json();
        assertThat(badZone.path("error")
                        .path("details")
                        .path("fields")
                        .get(0)
                        .path("field")
                        .asText())
                .isEqualTo("timezone");
        api.post("/api/v1/scheduler/jobs", t, job("bad_agent", "0 9 * * *", "nobody", null))
                .expectError(400, "VALIDATION_ERROR");
        api.post("/api/v1/scheduler/jobs", t, job("Bad-Key", "0 9 * * *", "qa_reviewer", null))
                .expectError(400, "VALIDATION_ERROR");
        api.post("/api/v1/scheduler/jobs", t, job("daily_brief", "0 9 * * *", "qa_reviewer", null))
                .expectError(409, "CONFLICT");
        String id = api.get("/api/v1/scheduler/jobs", t)
                .json()
                .path("data")
                .get(0)
                .path("id")
                .asText();
        api.patch("/api/v1/scheduler/jobs/" + id, t, Map.of("cron", "every day"))
                .expectError(400, "VALIDATION_ERROR");
        api.patch("/api/v1/scheduler/jobs/" + id, t, Map.of("timezone", "Nowhere"))
                .expectError(400, "VALIDATION_ERROR");
        api.get("/api/v1/scheduler/runs?status=DONE", t).expectError(400, "VALIDATION_ERROR");
    }

    @Test
    void onlyAdminsChangeJobsViewersReadAndOtherWorkspacesSeeNothing() {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Session operator = api.addUser(admin, "OPERATOR");
        Api.Session viewer = api.addUser(admin, "VIEWER");
        Api.Session stranger = api.signup();
        String id = api.get("/api/v1/scheduler/jobs", admin.accessToken())
                .json()
                .path("data")
                .get(0)
                .path("id")
                .asText();
        for (Api.Session s : List.of(operator, viewer)) {
            api.post("/api/v1/scheduler/jobs", s.accessToken(), job("mine", "0 9 * * *", "qa_reviewer", null))
                    .expectError(403, "FORBIDDEN");
            api.patch("/api/v1/scheduler/jobs/" + id, s.accessToken(), Map.of("enabled", false))
                    .expectError(403, "FORBIDDEN");
            api.post("/api/v1/scheduler/jobs/" + id + "/run-now", s.accessToken(), null)
                    .expectError(403, "FORBIDDEN");
            assertThat(api.get("/api/v1/scheduler/jobs", s.accessToken())
                            .expect(200)
                            .json()
                            .path("data"))
                    .hasSize(5);
            api.get("/api/v1/scheduler/jobs/" + id, s.accessToken()).expect(200);
            api.get("/api/v1/scheduler/runs", s.accessToken()).expect(200);
        }
        String runId = api.post("/api/v1/scheduler/jobs/" + id + "/run-now", admin.accessToken(), null)
                .expect(202)
                .json()
                .path("runId")
                .asText();
        api.get("/api/v1/scheduler/jobs/" + id, stranger.accessToken()).expectError(404, "NOT_FOUND");
        api.patch("/api/v1/scheduler/jobs/" + id, stranger.accessToken(), Map.of("enabled", false))
                .expectError(404, "NOT_FOUND");
        api.post("/api/v1/scheduler/jobs/" + id + "/run-now", stranger.accessToken(), null)
                .expectError(404, "NOT_FOUND");
        api.get("/api/v1/scheduler/runs/" + runId, stranger.accessToken()).expectError(404, "NOT_FOUND");
        assertThat(api.get("/api/v1/scheduler/runs?jobId=" + id, stranger.accessToken())
                        .json()
                        .path("data"))
                .isEmpty();
    }

    @Test
    void creatingEditingDisablingAndEnablingKeepTheClusterSchedulerInStep() {
        Api api = api();
        Api.Session admin = api.signup();
        String t = admin.accessToken();
        JsonNode created = api.post(
                        "/api/v1/scheduler/jobs",
                        t,
                        job("night_review", "15 3 * * *", "qa_reviewer", Map.of("mode", "complete")))
                .expect(201)
                .json();
        String id = created.path("id").asText();
        assertThat(created.path("timezone").asText()).isEqualTo("America/Toronto");
        assertThat(created.path("parameters").path("mode").asText()).isEqualTo("complete");
        Instant next = Instant.parse(created.path("nextFireAt").asText());
        assertThat(planned(id)).isEqualTo(next);

        JsonNode edited = api.patch(
                        "/api/v1/scheduler/jobs/" + id, t, Map.of("cron", "45 22 * * *", "timezone", "Europe/Paris"))
                .expect(200)
                .json();
        Instant moved = Instant.parse(edited.path("nextFireAt").asText());
        assertThat(moved.atZone(java.time.ZoneId.of("Europe/Paris")).toLocalTime())
                .isEqualTo("22:45");
        assertThat(planned(id)).isEqualTo(moved);

        JsonNode disabled = api.patch("/api/v1/scheduler/jobs/" + id, t, Map.of("enabled", false))
                .expect(200)
                .json();
        assertThat(disabled.path("nextFireAt").isNull()).isTrue();
        assertThat(planned(id)).isNull();
        api.post("/api/v1/scheduler/jobs/" + id + "/run-now", t, null).expectError(409, "CONFLICT");

        api.patch("/api/v1/scheduler/jobs/" + id, t, Map.of("enabled", true)).expect(200);
        assertThat(planned(id)).isEqualTo(moved);
        assertThat(eventTypes(api, admin, "scheduler.job."))
                .containsExactly(
                        "scheduler.job.created",
                        "scheduler.job.updated",
                        "scheduler.job.updated",
                        "scheduler.job.updated");
        assertThat(api.get("/api/v1/audit?action=scheduler.job.", t).json().path("data"))
                .hasSize(4);
    }

    @Test
    void runNowAnswers202AndTheRunCompletesInTheBackgroundWithItsCountsEventsAndAudit() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        String t = admin.accessToken();
        String id = api.post(
                        "/api/v1/scheduler/jobs",
                        t,
                        job("review_now", "0 4 * * *", "qa_reviewer", Map.of("mode", "complete")))
                .expect(201)
                .json()
                .path("id")
                .asText();
        String runId = api.post("/api/v1/scheduler/jobs/" + id + "/run-now", t, null)
                .expect(202)
                .json()
                .path("runId")
                .asText();
        JsonNode run = awaitRun(api, admin, runId, "COMPLETED");
        assertThat(run.path("trigger").asText()).isEqualTo("MANUAL");
        assertThat(run.path("jobKey").asText()).isEqualTo("review_now");
        assertThat(run.path("counts").path("reviewed").asInt()).isEqualTo(3);
        assertThat(run.path("durationMs").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(run.path("actor").path("type").asText()).isEqualTo("USER");
        JobInvocation invocation = work.seen.stream()
                .filter(i -> i.runId().toString().equals(runId))
                .findFirst()
                .orElseThrow();
        assertThat(invocation.trigger()).isEqualTo(JobTrigger.MANUAL);
        assertThat(invocation.tenant().toString()).isEqualTo(admin.tenantId());
        assertThat(invocation.actor().id()).isEqualTo(admin.userId());

        JsonNode lastRun = api.get("/api/v1/scheduler/jobs/" + id, t).json().path("lastRun");
        assertThat(lastRun.path("id").asText()).isEqualTo(runId);
        assertThat(lastRun.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(lastRun.path("durationMs").isNumber()).isTrue();
        assertThat(eventTypes(api, admin, "scheduler.job."))
                .containsSubsequence("scheduler.job.requested", "scheduler.job.started", "scheduler.job.completed");
        JsonNode completed = api.get("/api/v1/events/feed?type=scheduler.job.completed", t)
                .json()
                .path("data")
                .get(0);
        assertThat(completed.path("payload").path("runId").asText()).isEqualTo(runId);
        assertThat(completed.path("payload").path("job").asText()).isEqualTo("review_now");
        assertThat(completed.path("payload").path("trigger").asText()).isEqualTo("MANUAL");
        assertThat(completed.path("payload").path("counts").path("reviewed").asInt())
                .isEqualTo(3);
        assertThat(api.get("/api/v1/audit?action=scheduler.job.completed", t)
                        .json()
                        .path("data"))
                .hasSize(1);
        JsonNode filtered = api.get("/api/v1/scheduler/runs?jobId=" + id + "&status=COMPLETED&trigger=MANUAL", t)
                .json();
        assertThat(filtered.path("data")).hasSize(1);
        assertThat(api.get("/api/v1/scheduler/runs?jobId=" + id + "&trigger=SCHEDULED", t)
                        .json()
                        .path("data"))
                .isEmpty();
    }

    @Test
    void aThrowingWorkFailsTheRunWithItsMessageAndAMissingWorkFailsWithAReason() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        String t = admin.accessToken();
        String id = api.post(
                        "/api/v1/scheduler/jobs",
                        t,
                        job("review_boom", "0 4 * * *", "qa_reviewer", Map.of("mode", "throw")))
                .expect(201)
                .json()
                .path("id")
                .asText();
        String runId = api.post("/api/v1/scheduler/jobs/" + id + "/run-now", t, null)
                .expect(202)
                .json()
                .path("runId")
                .asText();
        JsonNode failed = awaitRun(api, admin, runId, "FAILED");
        assertThat(failed.path("error").asText()).isEqualTo("boom from the test work");
        assertThat(failed.path("finishedAt").isNull()).isFalse();
        assertThat(eventTypes(api, admin, "scheduler.job.failed")).hasSize(1);

        String skipId = api.post(
                        "/api/v1/scheduler/jobs",
                        t,
                        job("review_skip", "0 4 * * *", "qa_reviewer", Map.of("mode", "skip")))
                .expect(201)
                .json()
                .path("id")
                .asText();
        String skipRun = api.post("/api/v1/scheduler/jobs/" + skipId + "/run-now", t, null)
                .expect(202)
                .json()
                .path("runId")
                .asText();
        assertThat(awaitRun(api, admin, skipRun, "SKIPPED").path("reason").asText())
                .isEqualTo("agent paused");

        // the daily briefer's work is supplied by the agents module; without it the run fails with a reason
        String brief = null;
        for (JsonNode j : api.get("/api/v1/scheduler/jobs", t).json().path("data")) {
            if (j.path("key").asText().equals("daily_brief")) {
                brief = j.path("id").asText();
            }
        }
        boolean briefWorkExists = false;
        for (JobWork w : context.getBeansOfType(JobWork.class).values()) {
            briefWorkExists |= w.agentKey().equals("daily_briefer");
        }
        if (!briefWorkExists) {
            String none = api.post("/api/v1/scheduler/jobs/" + brief + "/run-now", t, null)
                    .expect(202)
                    .json()
                    .path("runId")
                    .asText();
            assertThat(awaitRun(api, admin, none, "FAILED").path("error").asText())
                    .isEqualTo("No work is registered for agent daily_briefer");
        }
    }

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void aFireTimeMissedWithinTheGraceWindowRunsOnceAsCatchUpAndOneBeyondItIsSkipped() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        String t = admin.accessToken();
        String late = api.post(
                        "/api/v1/scheduler/jobs",
                        t,
                        job("late_review", "0 4 * * *", "qa_reviewer", Map.of("mode", "complete")))
                .expect(201)
                .json()
                .path("id")
                .asText();
        String missed = api.post(
                        "/api/v1/scheduler/jobs",
                        t,
                        job("missed_review", "0 4 * * *", "qa_reviewer", Map.of("mode", "complete")))
                .expect(201)
                .json()
                .path("id")
                .asText();
        String onTime = api.post(
                        "/api/v1/scheduler/jobs",
                        t,
                        job("on_time_review", "0 4 * * *", "qa_reviewer", Map.of("mode", "complete")))
                .expect(201)
                .json()
                .path("id")
                .asText();
        Instant now = Instant.now();
        // as if the application had been down when these fire times came
        scheduler.reschedule(JobTriggers.JOB.instanceId(late), now.minus(Duration.ofMinutes(30)));
        scheduler.reschedule(JobTriggers.JOB.instanceId(missed), now.minus(Duration.ofHours(3)));
        scheduler.reschedule(JobTriggers.JOB.instanceId(onTime), now);
        scheduler.triggerCheckForDueExecutions();

        JsonNode lateRuns = awaitRunsOf(api, admin, late, 1);
        assertThat(lateRuns).hasSize(1);
        assertThat(lateRuns.get(0).path("trigger").asText()).isEqualTo("CATCH_UP");
        assertThat(lateRuns.get(0).path("status").asText()).isEqualTo("COMPLETED");
        assertThat(lateRuns.get(0).path("actor").path("type").asText()).isEqualTo("AGENT");

        JsonNode missedRuns = awaitRunsOf(api, admin, missed, 1);
        assertThat(missedRuns).hasSize(1);
        assertThat(missedRuns.get(0).path("status").asText()).isEqualTo("SKIPPED");
        assertThat(missedRuns.get(0).path("reason").asText()).contains("Missed fire time");

        JsonNode onTimeRuns = awaitRunsOf(api, admin, onTime, 1);
        assertThat(onTimeRuns).hasSize(1);
        assertThat(onTimeRuns.get(0).path("trigger").asText()).isEqualTo("SCHEDULED");
        assertThat(onTimeRuns.get(0).path("status").asText()).isEqualTo("COMPLETED");

        // each moved on to its next fire time, once
        for (String id : List.of(late, missed, onTime)) {
            Instant next = Instant.parse(api.get("/api/v1/scheduler/jobs/" + id, t)
                    .json()
                    .path("nextFireAt")
                    .asText());
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> next.equals(planned(id)));
            assertThat(planned(id)).isEqualTo(next).isAfter(now);
        }
        // positive signal that the catch-up pass is over: every job's next fire time lies in the future (above);
        // only then is "exactly one run" meaningful
        assertThat(awaitRunsOf(api, admin, late, 1)).hasSize(1);
        assertThat(eventTypes(api, admin, "scheduler.job.skipped")).hasSize(1);
        assertThat(api.get("/api/v1/audit?action=scheduler.job.started", t)
                        .json()
                        .path("data"))
                .hasSize(2);
    }

    private Instant planned(String jobId) {
        return scheduler
                .getScheduledExecution(JobTriggers.JOB.instanceId(jobId))
                .map(e -> e.getExecutionTime())
                .orElse(null);
    }
}
