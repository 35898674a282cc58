package ai.revo.missioncontrol.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.revo.missioncontrol.MissionControlApplication;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import ai.revo.missioncontrol.support.TestDataDir;
import ai.revo.missioncontrol.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.kagkarlsson.scheduler.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two application nodes on one database of their own: every due fire time of many jobs runs exactly once across
 * them (each node's scheduler competes for the same executions).
 */
class SchedulerTwoNodeTest {

    /** Counts, per node, which (job, fire time) pairs it performed. */
    static final class CountingWork implements JobWork {
        final String node;
        final Map<String, List<String>> performed;

        CountingWork(String node, Map<String, List<String>> performed) {
            this.node = node;
            this.performed = performed;
        }

        @Override
        public String agentKey() {
            return "qa_reviewer";
        }

        @Override
        public JobOutcome perform(JobInvocation invocation) {
            performed
                    .computeIfAbsent(
                            invocation.jobId() + "@" + invocation.scheduledFor(),
                            k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                    .add(node);
            // the work takes a moment, so a second node picking the same fire time would overlap with this one
            long until = System.nanoTime() + 50_000_000L;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            return JobOutcome.completed(Map.of("done", 1), null);
        }
    }

    private static ConfigurableApplicationContext node(TestDatabase.Endpoint db) {
        return new SpringApplicationBuilder(MissionControlApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + db.url(),
                        "--spring.datasource.username=" + db.username(),
                        "--spring.datasource.password=" + db.password(),
                        TestDataDir.argument(),
                        "--mc.security.jwt-secret=" + IntegrationTest.JWT_SECRET,
                        "--mc.security.bootstrap-admin.password=" + IntegrationTest.BOOTSTRAP_PASSWORD,
                        "--mc.security.bootstrap-admin.email=bootstrap-admin@example.com",
                        "--mc.security.login-throttle.failures-per-address=100000",
                        "--db-scheduler.polling-interval=200ms",
                        "--db-scheduler.threads=4");
    }

    @Test
    void eachDueFireTimeRunsExactlyOnceAcrossTwoNodes() throws Exception {
        TestDatabase.Endpoint db = TestDatabase.createDatabase();
        Map<String, List<String>> performed = new ConcurrentHashMap<>();
        try (ConfigurableApplicationContext a = node(db);
                ConfigurableApplicationContext b = node(db)) {
            a.getBeanFactory().registerSingleton("countingWork", new CountingWork("A", performed));
            b.getBeanFactory().registerSingleton("countingWork", new CountingWork("B", performed));
            Api api = new Api("http://127.0.0.1:"
                    + ((WebServerApplicationContext) a).getWebServer().getPort());
            Api.Session admin = api.signup();
            int jobs = 12;
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < jobs; i++) {
                Map<String, Object> body = new HashMap<>();
                body.put("key", "cluster_" + i);
                body.put("name", "Cluster job " + i);
                body.put("cron", "0 4 * * *");
                body.put("agent", "qa_reviewer");
                ids.add(api.post("/api/v1/scheduler/jobs", admin.accessToken(), body)
                        .expect(201)
                        .json()
                        .path("id")
                        .asText());
            }
            // every job's fire time comes due at the same instant on both nodes
            Instant due = Instant.now().plusMillis(300).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            Scheduler schedulerA = a.getBean(Scheduler.class);
            for (String id : ids) {
                schedulerA.reschedule(JobTriggers.JOB.instanceId(id), due);
            }
            // the sign that this fire time is over on both nodes: every job's run completed and every job's scheduler
            // execution has moved on to its next fire time, picked by nobody. A duplicate would have to come from an
            // execution still due or picked; only now is "ran once" a finding
            List<JsonNode> runs = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        runs.clear();
                        api.get("/api/v1/scheduler/runs?limit=200", admin.accessToken())
                                .expect(200)
                                .json()
                                .path("data")
                                .forEach(runs::add);
                        return runs.size() >= jobs
                                && runs.stream()
                                        .allMatch(r -> r.path("status").asText().equals("COMPLETED"))
                                && ids.stream()
                                        .allMatch(id -> schedulerA
                                                .getScheduledExecution(JobTriggers.JOB.instanceId(id))
                                                .map(e -> !e.isPicked()
                                                        && e.getExecutionTime().isAfter(due))
                                                .orElse(false));
                    });
            runs.clear();
            api.get("/api/v1/scheduler/runs?limit=200", admin.accessToken())
                    .expect(200)
                    .json()
                    .path("data")
                    .forEach(runs::add);
            assertThat(runs).hasSize(jobs);
            Set<String> jobsRun = new java.util.HashSet<>();
            for (JsonNode r : runs) {
                assertThat(r.path("status").asText()).isEqualTo("COMPLETED");
                assertThat(r.path("trigger").asText()).isEqualTo("SCHEDULED");
                assertThat(Instant.parse(r.path("scheduledFor").asText())).isEqualTo(due);
                jobsRun.add(r.path("jobId").asText());
            }
            assertThat(jobsRun).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(performed).hasSize(jobs);
            performed.forEach((fire, nodes) ->
                    assertThat(nodes).as("nodes that performed %s", fire).hasSize(1));
            List<String> nodesUsed =
                    performed.values().stream().flatMap(List::stream).distinct().toList();
            System.out.println("Two-node scheduler test: fire times performed by nodes " + nodesUsed);
        }
    }
}
