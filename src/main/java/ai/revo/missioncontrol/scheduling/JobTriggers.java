package ai.revo.missioncontrol.scheduling;

import ai.revo.missioncontrol.identity.TenantId;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient.ScheduleOptions;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceException;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The jobs' entries in the cluster scheduler (db-scheduler): one task instance per enabled job, due at its next fire
 * time, and one one-time instance per run-now. Its DataSource is transaction-aware, so an entry written inside a
 * facade transaction commits or rolls back with the job row.
 */
@Component
class JobTriggers {

    private static final Logger log = LoggerFactory.getLogger(JobTriggers.class);

    /** The data of a job's recurring instance; the instance id is the job id. */
    record JobFire(UUID tenantId, UUID jobId) implements Serializable {}

    /** The data of a run-now instance; the instance id is the run id. */
    record RunNow(UUID tenantId, UUID runId) implements Serializable {}

    static final TaskDescriptor<JobFire> JOB = TaskDescriptor.of("scheduler-job", JobFire.class);
    static final TaskDescriptor<RunNow> RUN_NOW = TaskDescriptor.of("scheduler-run-now", RunNow.class);

    // lazily: the scheduler is built from the task beans, whose handlers lead back here
    private final ObjectProvider<Scheduler> scheduler;
    private final Clock clock;

    JobTriggers(ObjectProvider<Scheduler> scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Puts the job's instance at {@code at}, replacing its current time; left alone while it is executing. */
    void plan(TenantId tenant, UUID jobId, Instant at) {
        if (at == null) {
            unplan(jobId);
            return;
        }
        try {
            scheduler.getObject().schedule(instance(tenant, jobId), at, ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
        } catch (TaskInstanceException executing) {
            // the running execution reschedules itself from the job's current cron when it completes
            log.debug("Job {} is executing; its next fire time is set when it completes", jobId);
        }
    }

    /** Adds the job's instance at {@code at} unless it already has one (a missed fire time stays as it is). */
    boolean planIfMissing(TenantId tenant, UUID jobId, Instant at) {
        if (at == null) {
            return false;
        }
        return scheduler.getObject().scheduleIfNotExists(instance(tenant, jobId), at);
    }

    /** Removes the job's instance, if any and not executing (an executing one removes itself afterwards). */
    void unplan(UUID jobId) {
        try {
            scheduler.getObject().cancel(JOB.instanceId(jobId.toString()));
        } catch (TaskInstanceException notThereOrExecuting) {
            log.debug("Job {} has no idle instance to cancel", jobId);
        }
    }

    /** The time the job's instance is due, or null when it has none. */
    Instant plannedAt(UUID jobId) {
        return scheduler
                .getObject()
                .getScheduledExecution(JOB.instanceId(jobId.toString()))
                .map(e -> e.getExecutionTime())
                .orElse(null);
    }

    /** Queues a run-now for whichever node picks it first, and wakes this node's scheduler after commit. */
    void queue(TenantId tenant, UUID runId) {
        scheduler
                .getObject()
                .schedule(
                        RUN_NOW.instance(runId.toString())
                                .data(new RunNow(tenant.value(), runId))
                                .build(),
                        clock.instant());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    scheduler.getObject().triggerCheckForDueExecutions();
                }
            });
        }
    }

    private static TaskInstance<JobFire> instance(TenantId tenant, UUID jobId) {
        return JOB.instance(jobId.toString())
                .data(new JobFire(tenant.value(), jobId))
                .build();
    }
}
