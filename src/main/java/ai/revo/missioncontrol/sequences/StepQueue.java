package ai.revo.missioncontrol.sequences;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.RetryBackoff;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Due steps are durable db-scheduler work: one task instance ({@code <enrolmentId>#<position>#<nonce>}) written in
 * the transaction that sets the step's due time, so the time and its job commit together, and a node that dies
 * leaves the instance to another. An instance carries no decision: {@link SequenceRunner} decides under the
 * enrolment's row lock, so a stale or doubled instance does nothing.
 */
@Configuration(proxyBeanMethods = false)
class StepQueue {

    static final String TASK = "sequence-step";

    private final ObjectProvider<SchedulerClient> scheduler;
    private final Clock clock;

    StepQueue(ObjectProvider<SchedulerClient> scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Queues step {@code position} of the enrolment at {@code at}; joins the current transaction. */
    void schedule(TenantId tenant, UUID enrolmentId, int position, Instant at) {
        SchedulerClient client = scheduler.getObject();
        String id = enrolmentId + "#" + position + "#"
                + UUID.randomUUID().toString().substring(0, 8);
        client.scheduleIfNotExists(new TaskInstance<>(TASK, id, tenant.value().toString()), at);
        if (!at.isAfter(clock.instant().plusMillis(500)) && client instanceof Scheduler local) {
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        local.triggerCheckForDueExecutions();
                    }
                });
            } else {
                local.triggerCheckForDueExecutions();
            }
        }
    }

    @Bean
    static OneTimeTask<String> sequenceStepTask(ObjectProvider<SequenceRunner> runner) {
        return Tasks.oneTime(TASK, String.class)
                .onFailure(RetryBackoff.standard())
                .execute((instance, context) -> {
                    String[] parts = instance.getId().split("#");
                    runner.getObject()
                            .run(
                                    TenantId.of(instance.getData()),
                                    UUID.fromString(parts[0]),
                                    Integer.parseInt(parts[1]));
                });
    }
}
