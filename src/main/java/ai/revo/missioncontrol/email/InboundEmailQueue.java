package ai.revo.missioncontrol.email;

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
 * A stored inbound email is processed as durable db-scheduler work: one task per stored message, written in the
 * transaction that stores it, run by whichever node picks it first; a failed run is tried again 30 seconds later
 * (its work was rolled back with it), a node that dies mid-way leaves the task to another.
 */
@Configuration(proxyBeanMethods = false)
class InboundEmailQueue {

    static final String TASK = "email-inbound";
    static final String DELIVERY_TASK = "email-delivery-event";

    private final ObjectProvider<SchedulerClient> scheduler;

    InboundEmailQueue(ObjectProvider<SchedulerClient> scheduler) {
        this.scheduler = scheduler;
    }

    void enqueue(TenantId tenant, UUID inboundId) {
        schedule(TASK, tenant, inboundId);
    }

    /** A stored provider delivery event (bounce, complaint, delivery), processed the same way. */
    void enqueueDelivery(TenantId tenant, UUID eventId) {
        schedule(DELIVERY_TASK, tenant, eventId);
    }

    private void schedule(String task, TenantId tenant, UUID id) {
        SchedulerClient client = scheduler.getObject();
        client.scheduleIfNotExists(
                new TaskInstance<>(task, id.toString(), tenant.value().toString()), Instant.now());
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
    static OneTimeTask<String> emailInboundTask(ObjectProvider<InboundEmail> inbound) {
        return Tasks.oneTime(TASK, String.class)
                .onFailure(RetryBackoff.standard())
                .execute((instance, context) -> inbound.getObject()
                        .process(TenantId.of(instance.getData()), UUID.fromString(instance.getId())));
    }

    @Bean
    static OneTimeTask<String> emailDeliveryEventTask(ObjectProvider<DeliveryEvents> deliveries) {
        return Tasks.oneTime(DELIVERY_TASK, String.class)
                .onFailure(RetryBackoff.standard())
                .execute((instance, context) -> deliveries
                        .getObject()
                        .process(TenantId.of(instance.getData()), UUID.fromString(instance.getId())));
    }
}
