package ai.revo.missioncontrol.agents;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.RetryBackoff;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The durable queue of run attempts: one db-scheduler task instance per attempt ({@code <runId>#<attempt>}), written in
 * the caller's transaction, executed by whichever node picks it first.
 */
@Configuration(proxyBeanMethods = false)
class RunQueue {

    static final String TASK = "agent-run";

    private final ObjectProvider<SchedulerClient> scheduler;

    RunQueue(ObjectProvider<SchedulerClient> scheduler) {
        this.scheduler = scheduler;
    }

    /** Queues an attempt of a run; joins the current transaction, so it is queued exactly when the caller commits. */
    void enqueue(TenantId tenant, UUID runId, int attempt, Instant at) {
        SchedulerClient client = scheduler.getObject();
        client.scheduleIfNotExists(
                new TaskInstance<>(TASK, runId + "#" + attempt, tenant.value().toString()), at);
        // the row is visible only after commit: wake this node's scheduler then instead of at its next poll
        if (client instanceof Scheduler local && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    local.triggerCheckForDueExecutions();
                }
            });
        }
    }

    /** Queues one more try of an attempt that found its agent busy; each try has an instance of its own. */
    void enqueueWaiting(TenantId tenant, UUID runId, int attempt, Instant at) {
        scheduler
                .getObject()
                .scheduleIfNotExists(
                        new TaskInstance<>(
                                TASK,
                                runId + "#" + attempt + "-wait-" + at.toEpochMilli(),
                                tenant.value().toString()),
                        at);
    }

    @Bean
    static OneTimeTask<String> agentRunTask(ObjectProvider<AgentRunner> runner) {
        return Tasks.oneTime(TASK, String.class)
                .onFailure(RetryBackoff.standard())
                .execute((instance, context) -> {
                    String id = instance.getId();
                    UUID runId = UUID.fromString(id.substring(0, id.indexOf('#')));
                    runner.getObject().execute(TenantId.of(instance.getData()), runId);
                });
    }
}
