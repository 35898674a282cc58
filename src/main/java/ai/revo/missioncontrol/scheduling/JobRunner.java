package ai.revo.missioncontrol.scheduling;

import ai.revo.missioncontrol.identity.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Runs jobs when the cluster scheduler hands this node an execution: records the run, calls the agent's
 * {@link JobWork} outside any transaction, records the outcome. Whatever the work does, the run never stays RUNNING.
 */
@Component
class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final JobRuns runs;
    private final ObjectProvider<JobWork> works;
    private final Clock clock;

    JobRunner(JobRuns runs, ObjectProvider<JobWork> works, Clock clock) {
        this.runs = runs;
        this.works = works;
        this.clock = clock;
    }

    /** A job's fire time {@code due} came up; returns its next fire time, or null when it has none any more. */
    Instant fire(UUID tenantId, UUID jobId, Instant due) {
        TenantId tenant = new TenantId(tenantId);
        runs.fire(tenant, jobId, due).ifPresent(started -> perform(tenant, started));
        return runs.nextFireTime(tenant, jobId, due);
    }

    /** A run-now was picked up by this node. */
    void runNow(UUID tenantId, UUID runId) {
        TenantId tenant = new TenantId(tenantId);
        runs.begin(tenant, runId).ifPresent(started -> perform(tenant, started));
    }

    /** Fallback after an unexpected failure of the handler itself: the job's next fire time, or a retry soon. */
    Instant nextOrRetry(UUID tenantId, UUID jobId) {
        try {
            Instant next = runs.nextFireTime(new TenantId(tenantId), jobId, null);
            return next;
        } catch (RuntimeException e) {
            return clock.instant().plusSeconds(300);
        }
    }

    private void perform(TenantId tenant, JobRuns.Started started) {
        JobOutcome outcome;
        Optional<JobWork> work = works.orderedStream()
                .filter(w -> started.agent().equals(w.agentKey()))
                .findFirst();
        if (work.isEmpty()) {
            outcome = JobOutcome.failed("No work is registered for agent " + started.agent(), Map.of(), null);
        } else {
            try {
                outcome = work.get().perform(started.invocation(tenant));
                if (outcome == null) {
                    outcome = JobOutcome.failed(
                            "The work of agent " + started.agent() + " returned no outcome", Map.of(), null);
                }
            } catch (RuntimeException | Error e) {
                log.warn("Job {} run {} failed: {}", started.jobKey(), started.runId(), e.toString());
                String message = e.getMessage() == null || e.getMessage().isBlank()
                        ? e.getClass().getSimpleName()
                        : e.getMessage();
                outcome = JobOutcome.failed(message, Map.of(), null);
            }
        }
        runs.finish(tenant, started, outcome);
    }
}
