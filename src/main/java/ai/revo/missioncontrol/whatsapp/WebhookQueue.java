package ai.revo.missioncontrol.whatsapp;

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
 * A stored webhook delivery is processed as durable db-scheduler work: one task per delivery, written in the
 * transaction that stores it, run by whichever node picks it first. A failed run is tried again a little later
 * (each message's claim was rolled back with it); a node that dies mid-way leaves the task to another.
 */
@Configuration(proxyBeanMethods = false)
class WebhookQueue {

    static final String TASK = "whatsapp-webhook";

    private final ObjectProvider<SchedulerClient> scheduler;

    WebhookQueue(ObjectProvider<SchedulerClient> scheduler) {
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
    static OneTimeTask<String> whatsappWebhookTask(ObjectProvider<WhatsAppInbound> inbound) {
        return Tasks.oneTime(TASK, String.class)
                .onFailure(RetryBackoff.standard())
                .execute((instance, context) -> inbound.getObject()
                        .process(TenantId.of(instance.getData()), UUID.fromString(instance.getId())));
    }
}
