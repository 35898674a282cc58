package ai.revo.missioncontrol.scheduling;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The two db-scheduler tasks of this module, picked up by the starter. The cluster scheduler locks each due
 * execution in PostgreSQL before running it, so each fire time runs on exactly one node.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerTasks {

    /**
     * A job's recurring instance: runs the due fire time, then moves itself to the next one computed from the job's
     * current cron and zone (so edits made while it ran apply), or removes itself when the job is disabled. When its
     * node dies mid-run, another node marks the run FAILED (interrupted) and moves on to the next fire time.
     */
    @Bean
    Task<JobTriggers.JobFire> schedulerJobTask(JobRunner runner, JobRuns runs) {
        return Tasks.custom(JobTriggers.JOB)
                .onFailure((complete, ops) -> {
                    JobTriggers.JobFire data = (JobTriggers.JobFire)
                            complete.getExecution().taskInstance.getData();
                    Instant next = runner.nextOrRetry(data.tenantId(), data.jobId());
                    if (next == null) {
                        ops.remove();
                    } else {
                        ops.reschedule(complete, next);
                    }
                })
                .onDeadExecution((complete, ops) -> {
                    JobTriggers.JobFire data = (JobTriggers.JobFire)
                            complete.getExecution().taskInstance.getData();
                    runs.interrupted(
                            new ai.revo.missioncontrol.identity.TenantId(data.tenantId()),
                            data.jobId(),
                            complete.getExecution().executionTime,
                            null);
                    Instant next = runner.nextOrRetry(data.tenantId(), data.jobId());
                    if (next == null) {
                        ops.remove();
                    } else {
                        ops.reschedule(complete, next);
                    }
                })
                .execute((instance, context) -> {
                    JobTriggers.JobFire data = instance.getData();
                    Instant next = runner.fire(data.tenantId(), data.jobId(), context.getExecution().executionTime);
                    return next == null
                            ? (CompletionHandler<JobTriggers.JobFire>) (complete, ops) -> ops.remove()
                            : (complete, ops) -> ops.reschedule(complete, next);
                });
    }

    /** A run-now: performed once by whichever node picks it; a node dying mid-run leaves it FAILED, not retried. */
    @Bean
    Task<JobTriggers.RunNow> schedulerRunNowTask(JobRunner runner, JobRuns runs) {
        return Tasks.oneTime(JobTriggers.RUN_NOW)
                .onDeadExecution((complete, ops) -> {
                    JobTriggers.RunNow data = (JobTriggers.RunNow)
                            complete.getExecution().taskInstance.getData();
                    runs.interrupted(
                            new ai.revo.missioncontrol.identity.TenantId(data.tenantId()), null, null, data.runId());
                    ops.remove();
                })
                .execute((instance, context) -> runner.runNow(
                        instance.getData().tenantId(), instance.getData().runId()));
    }
}
