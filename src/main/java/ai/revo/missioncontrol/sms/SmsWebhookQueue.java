package ai.revo.missioncontrol.sms;

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
 * A stored Twilio webhook request is processed as durable db-scheduler work: one task per request, written in the
 * transaction that stores it, run by whichever node picks it first; a failed run is tried again a little later.
 */
@Configuration(proxyBeanMethods = false)
class SmsWebhookQueue {

    static final String TASK = "sms-webhook";

    private final ObjectProvider<SchedulerClient> scheduler;

    SmsWebhookQueue(ObjectProvider<SchedulerClient> scheduler) {
        this.scheduler = scheduler;
    }

    void enqueue(TenantId tenant, UUID eventId) {
        SchedulerClient client = scheduler.getObject();
        client.scheduleIfNotExists(
                new TaskInstance<>(TASK, eventId.toString(), tenant.value().toString()), Instant.now());
        if (client instanceof Scheduler local && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    local.triggerCheckForDueExecutions();
                }
            });
        }
    }

    @Bean
    static OneTimeTask<String> smsWebhookTask(ObjectProvider<SmsCallbacks> callbacks) {
        return Tasks.oneTime(TASK, String.class)
                .onFailure(RetryBackoff.standard())
                .execute((instance, context) -> callbacks
                        .getObject()
                        .process(TenantId.of(instance.getData()), UUID.fromString(instance.getId())));
    }
}
