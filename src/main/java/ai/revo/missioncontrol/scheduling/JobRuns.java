package ai.revo.missioncontrol.scheduling;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The run records' lifecycle, one short transaction per step, so that the work itself (called between the steps by
 * {@link JobRunner}) never runs inside a transaction. Public methods only for the tenant binding; the class is
 * internal to the module.
 */
@Service
class JobRuns {

    static final String INTERRUPTED = "interrupted: the node running it stopped before it finished";

    private final JobStore store;
    private final ApplicationEventPublisher events;
    private final SchedulingProperties properties;
    private final Clock clock;

    JobRuns(JobStore store, ApplicationEventPublisher events, SchedulingProperties properties, Clock clock) {
        this.store = store;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** A run that has started (RUNNING), with what its work needs. */
    record Started(
            UUID runId,
            UUID jobId,
            String jobKey,
            String agent,
            JobTrigger trigger,
            Map<String, Object> parameters,
            Instant scheduledFor,
            Actor actor) {

        JobInvocation invocation(TenantId tenant) {
            return new JobInvocation(tenant, jobId, jobKey, agent, runId, trigger, parameters, scheduledFor, actor);
        }
    }

    /** What a job's instance in the cluster scheduler should look like: due at {@code nextFireAt}, or absent. */
    record Plan(UUID jobId, boolean enabled, Instant nextFireAt) {}

    /**
     * A job's fire time {@code due} came up. On time it starts a SCHEDULED run; late but within the grace window a
     * CATCH_UP run; later still it records a SKIPPED run. Empty when the job is gone or disabled, or was skipped.
     */
    @Transactional
    public Optional<Started> fire(TenantId tenant, UUID jobId, Instant due) {
        Optional<JobStore.Job> found = store.jobForUpdate(tenant, jobId);
        if (found.isEmpty() || !found.get().enabled()) {
            return Optional.empty();
        }
        JobStore.Job job = found.get();
        Instant now = clock.instant();
        Duration late = Duration.between(due, now);
        Actor actor = job.agentActor();
        UUID runId = UUID.randomUUID();
        if (late.compareTo(properties.catchUpGrace()) > 0) {
            String reason = "Missed fire time " + due + " (the application was down or busy); it is older than the "
                    + "catch-up grace of " + properties.catchUpGrace().toMinutes() + " minutes";
            store.insertRun(
                    tenant, runId, jobId, JobTrigger.SCHEDULED, RunStatus.SKIPPED, due, now, now, reason, actor, now);
            events.publishEvent(new JobRunChanged(
                    tenant.value(),
                    runId,
                    jobId,
                    job.key(),
                    JobTrigger.SCHEDULED,
                    RunStatus.SKIPPED,
                    Map.of(),
                    reason,
                    actor));
            return Optional.empty();
        }
        JobTrigger trigger =
                late.compareTo(properties.onTimeTolerance()) > 0 ? JobTrigger.CATCH_UP : JobTrigger.SCHEDULED;
        store.insertRun(tenant, runId, jobId, trigger, RunStatus.RUNNING, due, now, null, null, actor, now);
        events.publishEvent(new JobRunChanged(
                tenant.value(), runId, jobId, job.key(), trigger, RunStatus.RUNNING, Map.of(), null, actor));
        return Optional.of(new Started(runId, jobId, job.key(), job.agent(), trigger, job.parameters(), due, actor));
    }

    /** A queued run-now is picked up: QUEUED to RUNNING. Empty when it is no longer queued. */
    @Transactional
    public Optional<Started> begin(TenantId tenant, UUID runId) {
        Optional<JobRunView> run = store.run(tenant, runId);
        if (run.isEmpty() || run.get().status() != RunStatus.QUEUED) {
            return Optional.empty();
        }
        JobRunView r = run.get();
        JobStore.Job job = store.job(tenant, r.jobId()).orElseThrow();
        Instant now = clock.instant();
        if (!store.moveRun(
                tenant,
                runId,
                List.of(RunStatus.QUEUED),
                RunStatus.RUNNING,
                now,
                null,
                Map.of(),
                null,
                null,
                null,
                now)) {
            return Optional.empty();
        }
        events.publishEvent(new JobRunChanged(
                tenant.value(),
                runId,
                r.jobId(),
                job.key(),
                r.trigger(),
                RunStatus.RUNNING,
                Map.of(),
                null,
                r.actor()));
        return Optional.of(new Started(
                runId, r.jobId(), job.key(), job.agent(), r.trigger(), job.parameters(), r.scheduledFor(), r.actor()));
    }

    /** Records how a started run ended: COMPLETED, FAILED (with its error) or SKIPPED (with its reason). */
    @Transactional
    public void finish(TenantId tenant, Started run, JobOutcome outcome) {
        Instant now = clock.instant();
        RunStatus status = RunStatus.valueOf(outcome.status().name());
        String error = status == RunStatus.FAILED ? outcome.reason() : null;
        String reason = status == RunStatus.FAILED ? null : outcome.reason();
        if (store.moveRun(
                tenant,
                run.runId(),
                List.of(RunStatus.RUNNING),
                status,
                null,
                now,
                outcome.counts(),
                reason,
                error,
                outcome.agentRunId(),
                now)) {
            events.publishEvent(new JobRunChanged(
                    tenant.value(),
                    run.runId(),
                    run.jobId(),
                    run.jobKey(),
                    run.trigger(),
                    status,
                    outcome.counts(),
                    outcome.reason(),
                    run.actor()));
        }
    }

    /** The job's next fire time after now (or after {@code due}, if later); null when disabled or gone. */
    @Transactional(readOnly = true)
    public Instant nextFireTime(TenantId tenant, UUID jobId, Instant due) {
        Instant now = clock.instant();
        Instant base = due != null && due.isAfter(now) ? due : now;
        return store.job(tenant, jobId).map(job -> job.nextFireAt(base)).orElse(null);
    }

    /** Marks the runs a dead node left behind as FAILED: of a job's fire time, or one run-now. */
    @Transactional
    public int interrupted(TenantId tenant, UUID jobId, Instant scheduledFor, UUID runId) {
        List<UUID> ids =
                runId != null ? List.of(runId) : store.runsIn(tenant, RunStatus.RUNNING, null, jobId, scheduledFor);
        int failed = 0;
        for (UUID id : ids) {
            failed += fail(tenant, id, INTERRUPTED) ? 1 : 0;
        }
        return failed;
    }

    /** At start-up: runs still RUNNING (or QUEUED) after the stale limit are marked FAILED, interrupted. */
    @Transactional
    public int failStale(TenantId tenant) {
        Instant before = clock.instant().minus(properties.staleRunAfter());
        int failed = 0;
        for (UUID id : store.runsIn(tenant, RunStatus.RUNNING, before, null, null)) {
            failed += fail(tenant, id, INTERRUPTED) ? 1 : 0;
        }
        for (UUID id : store.runsIn(tenant, RunStatus.QUEUED, before, null, null)) {
            failed += fail(tenant, id, "interrupted: no node picked the run up") ? 1 : 0;
        }
        return failed;
    }

    @Transactional(readOnly = true)
    public List<Plan> plans(TenantId tenant) {
        Instant now = clock.instant();
        return store.jobs(tenant).stream()
                .map(j -> new Plan(j.id(), j.enabled(), j.nextFireAt(now)))
                .toList();
    }

    private boolean fail(TenantId tenant, UUID runId, String error) {
        Optional<JobRunView> run = store.run(tenant, runId);
        if (run.isEmpty()) {
            return false;
        }
        JobRunView r = run.get();
        Instant now = clock.instant();
        if (!store.moveRun(
                tenant,
                runId,
                List.of(RunStatus.RUNNING, RunStatus.QUEUED),
                RunStatus.FAILED,
                null,
                now,
                r.counts(),
                null,
                error,
                r.agentRunId(),
                now)) {
            return false;
        }
        events.publishEvent(new JobRunChanged(
                tenant.value(),
                runId,
                r.jobId(),
                r.jobKey(),
                r.trigger(),
                RunStatus.FAILED,
                r.counts(),
                error,
                r.actor()));
        return true;
    }
}
