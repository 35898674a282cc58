package ai.revo.missioncontrol.agents;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorCode;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sequential pipeline (seed 001's orchestrator): lead research, enrichment and scoring, outreach drafting, the
 * sales agent's deal proposals, then the daily brief, one agent run per step, in this order. A step whose agent run fails is recorded FAILED with the
 * reason, a step whose agent cannot work (paused, already busy) SKIPPED with the reason, and the next steps still
 * run. A run is durable background work (db-scheduler task {@value #TASK}); a node that dies mid-run leaves it to
 * another, which does not redo the finished steps. One unfinished pipeline run per workspace.
 */
@Service
public class PipelineRuns {

    static final String TASK = "agent-pipeline";

    /** The steps, in order: the agents of the seed's pipeline that exist today. */
    static final List<String> STEPS =
            List.of("lead_researcher", "enrichment_scorer", "outreach_drafter", "sales_agent", "daily_briefer");

    private static final Logger log = LoggerFactory.getLogger(PipelineRuns.class);

    private final PipelineStore store;
    private final RunStore runs;
    private final AgentRunner runner;
    private final AgentRuns agentRuns;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int maxAttempts;

    PipelineRuns(
            PipelineStore store,
            RunStore runs,
            AgentRunner runner,
            AgentRuns agentRuns,
            ObjectProvider<SchedulerClient> scheduler,
            TransactionTemplate tx,
            Clock clock,
            @Value("${mc.agents.max-attempts:3}") int maxAttempts) {
        this.store = store;
        this.runs = runs;
        this.runner = runner;
        this.agentRuns = agentRuns;
        this.scheduler = scheduler;
        this.tx = tx;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
    }

    /** The agents a pipeline run goes through, in order. */
    public List<String> steps() {
        return STEPS;
    }

    /**
     * Queues a pipeline run (performed in the background); 409 naming the other run while one is QUEUED or RUNNING.
     */
    public PipelineRunView start(TenantId tenant, Actor actor) {
        try {
            return tx.execute(status -> {
                store.unfinished(tenant).ifPresent(other -> {
                    throw busy(tenant, other);
                });
                UUID id = store.create(tenant, STEPS, actor);
                enqueue(tenant, id);
                return store.get(tenant, id);
            });
        } catch (DataIntegrityViolationException e) { // a start at the same moment won (pipeline_runs_one_unfinished)
            throw store.unfinished(tenant)
                    .map(other -> busy(tenant, other))
                    .orElseGet(() -> ApiException.conflict("Another pipeline run was started at the same moment"));
        }
    }

    public PipelineRunView get(TenantId tenant, UUID id) {
        return store.get(tenant, id);
    }

    public PageResult<PipelineRunView> list(TenantId tenant, PageQuery page) {
        return store.list(tenant, page);
    }

    public Optional<PipelineRunView> latest(TenantId tenant) {
        return store.latest(tenant);
    }

    /** Works through the run's unfinished steps in order, outside any transaction; never throws for a step. */
    public void execute(TenantId tenant, UUID id) {
        Optional<Actor> claimed = store.claim(tenant, id);
        if (claimed.isEmpty()) {
            return;
        }
        Actor requestedBy = claimed.get();
        for (PipelineRunView.Step step : store.get(tenant, id).steps()) {
            if (step.status() != PipelineStepStatus.PENDING && step.status() != PipelineStepStatus.RUNNING) {
                continue; // done before this node took the run over
            }
            try {
                perform(tenant, id, step, requestedBy);
            } catch (RuntimeException e) {
                log.warn("Pipeline run {} step {} ({}) failed: {}", id, step.position(), step.agent(), e.toString(), e);
                store.stepFinished(
                        tenant,
                        id,
                        step,
                        PipelineStepStatus.FAILED,
                        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
                        Map.of(),
                        requestedBy);
            }
        }
        store.finish(tenant, id, requestedBy);
    }

    private void perform(TenantId tenant, UUID pipelineRunId, PipelineRunView.Step step, Actor requestedBy) {
        UUID runId = step.runId();
        if (runId == null) {
            String refusal;
            try {
                refusal = agentRuns.refusal(tenant, step.agent());
            } catch (ApiException e) {
                refusal = "This workspace has no agent " + step.agent();
            }
            if (refusal != null) {
                store.stepFinished(
                        tenant, pipelineRunId, step, PipelineStepStatus.SKIPPED, refusal, Map.of(), requestedBy);
                return;
            }
            Map<String, Object> input = Map.of("pipelineRunId", pipelineRunId.toString());
            runId = tx.execute(status -> {
                UUID created =
                        runs.create(tenant, step.agent(), RunTrigger.MANUAL, null, requestedBy, input, maxAttempts);
                store.stepStarted(tenant, pipelineRunId, step.position(), created);
                return created;
            });
        }
        AgentRunView current = runs.get(tenant, runId);
        AgentRunView ended = current.status() == AgentRunStatus.QUEUED || current.status() == AgentRunStatus.RUNNING
                ? runner.execute(tenant, runId)
                : current;
        if (ended == null) {
            ended = runs.get(tenant, runId);
        }
        PipelineRunView.Step started = new PipelineRunView.Step(
                step.position(), step.agent(), step.status(), runId, null, Map.of(), null, null);
        Map<String, Object> counts = counts(ended.output());
        switch (ended.status()) {
            case SUCCEEDED ->
                store.stepFinished(
                        tenant, pipelineRunId, started, PipelineStepStatus.SUCCEEDED, null, counts, requestedBy);
            case FAILED, DEAD ->
                store.stepFinished(
                        tenant, pipelineRunId, started, PipelineStepStatus.FAILED, failure(ended), counts, requestedBy);
            default -> // another run of the agent got there first: this one waits in the agent's queue
                store.stepFinished(
                        tenant,
                        pipelineRunId,
                        started,
                        PipelineStepStatus.SKIPPED,
                        "Another run of " + step.agent() + " was running; run " + runId + " waits in the queue and "
                                + "starts when it has finished, outside this pipeline run",
                        counts,
                        requestedBy);
        }
    }

    private static String failure(AgentRunView run) {
        Object message = run.error() == null ? null : run.error().get("message");
        String reason = message == null ? "The run ended " + run.status() : String.valueOf(message);
        if (run.status() == AgentRunStatus.FAILED && run.nextAttemptAt() != null) {
            reason += " (the agent run retries on its own: attempt " + (run.attempts() + 1) + " of " + run.maxAttempts()
                    + " at " + run.nextAttemptAt() + ")";
        }
        return reason;
    }

    private static Map<String, Object> counts(Map<String, Object> output) {
        Map<String, Object> counts = new LinkedHashMap<>();
        output.forEach((k, v) -> {
            if (v instanceof Number) {
                counts.put(k, v);
            }
        });
        return counts;
    }

    private ApiException busy(TenantId tenant, UUID other) {
        PipelineRunView run = store.get(tenant, other);
        return new ApiException(
                ErrorCode.CONFLICT,
                "The pipeline already has a run " + run.status() + " (pipeline run " + other
                        + "); one pipeline run at a time, so start again when it has finished",
                Map.of("pipelineRunId", other.toString(), "status", run.status().name()));
    }

    /** Queued with the caller's transaction; this node's scheduler is woken after commit. */
    private void enqueue(TenantId tenant, UUID id) {
        SchedulerClient client = scheduler.getObject();
        client.scheduleIfNotExists(
                new TaskInstance<>(TASK, id.toString(), tenant.value().toString()), clock.instant());
        if (client instanceof Scheduler local && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    local.triggerCheckForDueExecutions();
                }
            });
        }
    }
}
