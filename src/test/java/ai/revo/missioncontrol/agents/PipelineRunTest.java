package ai.revo.missioncontrol.agents;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.platform.TenantContext;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** POST /api/v1/pipeline/run: the agents one after the other, each an agent run, a skipped or failed step isolated. */
class PipelineRunTest extends IntegrationTest {

    static final List<String> ORDER =
            List.of("lead_researcher", "enrichment_scorer", "outreach_drafter", "sales_agent", "daily_briefer");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    static JsonNode awaitPipeline(Api api, Api.Session s, String id) {
        return org.awaitility.Awaitility.await("pipeline run " + id + " finished")
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> api.get("/api/v1/pipeline/runs/" + id, s.accessToken())
                                .expect(200)
                                .json(),
                        run -> run.path("status").asText().equals("SUCCEEDED")
                                || run.path("status").asText().equals("FAILED"));
    }

    static String startPipeline(Api api, Api.Session s) {
        JsonNode accepted = api.post("/api/v1/pipeline/run", s.accessToken(), null)
                .expect(202)
                .json();
        assertThat(accepted.path("status").asText()).isEqualTo("QUEUED");
        List<String> steps = new ArrayList<>();
        accepted.path("steps").forEach(step -> steps.add(step.asText()));
        assertThat(steps).isEqualTo(ORDER);
        return accepted.path("pipelineRunId").asText();
    }

    @Test
    void theStepsRunInOrderOneAgentRunEachAndLaterStepsWorkOnWhatEarlierOnesMade() {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Session operator = api.addUser(admin, "OPERATOR");
        FiveJobs.prepare(api, admin);

        JsonNode run = awaitPipeline(api, admin, startPipeline(api, operator));

        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
        List<String> agents = new ArrayList<>();
        Instant previousEnd = null;
        for (JsonNode step : run.path("steps")) {
            agents.add(step.path("agent").asText());
            assertThat(step.path("status").asText()).as(step.toString()).isEqualTo("SUCCEEDED");
            JsonNode agentRun = api.get("/api/v1/runs/" + step.path("runId").asText(), admin.accessToken())
                    .expect(200)
                    .json()
                    .path("run");
            assertThat(agentRun.path("agent").asText())
                    .isEqualTo(step.path("agent").asText());
            assertThat(agentRun.path("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(agentRun.path("trigger").asText()).isEqualTo("MANUAL");
            assertThat(agentRun.path("requestedBy").path("id").asText()).isEqualTo(operator.userId());
            assertThat(agentRun.path("input").path("pipelineRunId").asText())
                    .isEqualTo(run.path("id").asText());
            Instant started = Instant.parse(agentRun.path("startedAt").asText());
            if (previousEnd != null) {
                // one after the other: a step starts only when the one before it has finished
                assertThat(started).isAfterOrEqualTo(previousEnd);
            }
            previousEnd = Instant.parse(agentRun.path("finishedAt").asText());
        }
        assertThat(agents).isEqualTo(ORDER);
        // research enrolled the leads that scoring scored and outreach then drafted for, in this one pipeline run
        JsonNode steps = run.path("steps");
        assertThat(steps.get(0).path("output").path("leadsEnrolled").asInt()).isEqualTo(3);
        assertThat(steps.get(1).path("output").path("leadsEnriched").asInt()).isEqualTo(3);
        assertThat(steps.get(2).path("output").path("draftsSubmitted").asInt()).isPositive();
        // no lead is interested or booked yet: the sales agent has nothing to propose, and says so by its counts
        assertThat(steps.get(3).path("output").path("dealsProposed").asInt(0)).isZero();
        assertThat(steps.get(4).path("output").path("briefs").asInt()).isEqualTo(1);

        // the run is listed, and its events are on the feed in order
        assertThat(api.get("/api/v1/pipeline/runs", admin.accessToken())
                        .json()
                        .path("data")
                        .get(0)
                        .path("id")
                        .asText())
                .isEqualTo(run.path("id").asText());
        List<String> types = new ArrayList<>();
        api.get("/api/v1/events/feed?type=pipeline.run.&order=asc", admin.accessToken())
                .json()
                .path("data")
                .forEach(e -> types.add(e.path("type").asText()));
        assertThat(types)
                .containsExactly(
                        "pipeline.run.queued",
                        "pipeline.run.started",
                        "pipeline.run.step_succeeded",
                        "pipeline.run.step_succeeded",
                        "pipeline.run.step_succeeded",
                        "pipeline.run.step_succeeded",
                        "pipeline.run.step_succeeded",
                        "pipeline.run.succeeded");
    }

    @Test
    void aStepWhoseAgentCannotWorkIsSkippedWithItsReasonAndTheNextStepsStillRun() {
        Api api = api();
        Api.Session admin = api.signup();
        FiveJobs.prepare(api, admin);
        String scorer = null;
        for (JsonNode a : api.get("/api/v1/agents", admin.accessToken()).json().path("data")) {
            if (a.path("key").asText().equals("enrichment_scorer")) {
                scorer = a.path("id").asText();
            }
        }
        api.patch("/api/v1/agents/" + scorer, admin.accessToken(), Map.of("status", "PAUSED"))
                .expect(200);

        JsonNode run = awaitPipeline(api, admin, startPipeline(api, admin));

        assertThat(run.path("status").asText()).isEqualTo("FAILED");
        JsonNode steps = run.path("steps");
        assertThat(steps.get(0).path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(steps.get(1).path("status").asText()).isEqualTo("SKIPPED");
        assertThat(steps.get(1).path("reason").asText()).contains("paused");
        assertThat(steps.get(1).path("runId").isNull()).isTrue();
        // the steps after it ran: outreach drafts for the (unscored) new leads, and the brief is written
        assertThat(steps.get(2).path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(steps.get(3).path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(steps.get(4).path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(api.get("/api/v1/runs?agent=enrichment_scorer", admin.accessToken())
                        .json()
                        .path("data"))
                .isEmpty();
    }

    @Test
    void aSecondStartWhileOneIsUnfinishedIs409AndUnknownThingsAre404() {
        Api api = api();
        Api.Session admin = api.signup();
        UUID tenant = UUID.fromString(admin.tenantId());
        UUID running = UUID.randomUUID();
        // a pipeline run another node is working on
        TenantContext.callAs(
                tenant,
                () -> tx.execute(s -> jdbc.sql(
                                "insert into pipeline_runs (id, tenant_id, status, requested_by, "
                                        + "started_at) values (?, ?, 'RUNNING', '{\"type\":\"SYSTEM\",\"id\":\"x\",\"name\":\"x\"}', now())")
                        .params(running, tenant)
                        .update()));

        Api.Response refused =
                api.post("/api/v1/pipeline/run", admin.accessToken(), null).expectError(409, "CONFLICT");
        assertThat(refused.json().path("error").path("message").asText()).contains("already has a run RUNNING");
        assertThat(refused.json()
                        .path("error")
                        .path("details")
                        .path("pipelineRunId")
                        .asText())
                .isEqualTo(running.toString());
        assertThat(api.get("/api/v1/pipeline/runs", admin.accessToken()).json().path("data"))
                .hasSize(1);
        assertThat(api.get("/api/v1/runs", admin.accessToken()).json().path("data"))
                .isEmpty();

        api.get("/api/v1/pipeline/runs/" + UUID.randomUUID(), admin.accessToken())
                .expectError(404, "NOT_FOUND");
        api.post("/api/v1/agents/no_such_agent/run", admin.accessToken(), null).expectError(404, "NOT_FOUND");

        // another workspace's run is not found, and never blocks this one's start
        Api.Session other = api.signup();
        api.get("/api/v1/pipeline/runs/" + running, other.accessToken()).expectError(404, "NOT_FOUND");
        String theirs = startPipeline(api, other);
        awaitPipeline(api, other, theirs);

        // a viewer and a closer may not start it
        api.post("/api/v1/pipeline/run", api.addUser(admin, "VIEWER").accessToken(), null)
                .expect(403);
        api.post("/api/v1/pipeline/run", api.addUser(admin, "CLOSER").accessToken(), null)
                .expect(403);
    }
}
