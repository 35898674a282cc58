package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.RetryBackoff;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
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
 * The durable send queue: one db-scheduler task instance per step of an email ({@code <emailId>#<n>}: an attempt,
 * or a re-check after a deferral), written in the caller's transaction, so an email and its job commit together.
 * A node that dies mid-attempt leaves the instance to be revived by another node, which then reconciles.
 */
@Configuration(proxyBeanMethods = false)
class EmailQueue {

    static final String TASK = "email-send";

    private final ObjectProvider<SchedulerClient> scheduler;
    private final Clock clock;

    EmailQueue(ObjectProvider<SchedulerClient> scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Queues the next step of an email at {@code at}; joins the current transaction when there is one. */
    void enqueue(TenantId tenant, UUID emailId, Instant at) {
        SchedulerClient client = scheduler.getObject();
        String id = emailId + "#" + UUID.randomUUID().toString().substring(0, 8);
        client.scheduleIfNotExists(new TaskInstance<>(TASK, id, tenant.value().toString()), at);
        boolean soon = !at.isAfter(clock.instant().plusMillis(500));
        if (soon && client instanceof Scheduler local) {
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
    static OneTimeTask<String> emailSendTask(ObjectProvider<EmailWorker> worker) {
        return Tasks.oneTime(TASK, String.class)
                .onFailure(RetryBackoff.standard())
                .onDeadExecution(EmailQueue::reviveFirst)
                .execute((instance, context) -> {
                    String id = instance.getId();
                    UUID emailId = UUID.fromString(id.substring(0, id.indexOf('#')));
                    worker.getObject().process(TenantId.of(instance.getData()), emailId);
                });
    }

    /**
     * A step whose node died (an attempt possibly in flight) runs again at the time it was first due, not now:
     * revived at "now" it would wait behind every email queued since, and with a blast of thousands queued its
     * attempt would stay SENDING, unreconciled, for as long as the backlog takes (EmailCrashIT saw minutes).
     */
    static void reviveFirst(ExecutionComplete dead, ExecutionOperations<String> operations) {
        Instant now = Instant.now();
        Instant due = dead.getExecution().executionTime;
        operations.reschedule(dead, due != null && due.isBefore(now) ? due : now);
    }
}
