package ai.revo.missioncontrol.conversations;

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
 * An answer on a gateway channel (WhatsApp) is durable db-scheduler work, one task per message written in the
 * transaction that records it: the person who answers never waits for the provider, and a node that dies mid-way
 * leaves the task to another (the gateway's idempotency key keeps it from going out twice).
 */
@Configuration(proxyBeanMethods = false)
class ConversationSendQueue {

    static final String TASK = "conversation-send";

    private final ObjectProvider<SchedulerClient> scheduler;

    ConversationSendQueue(ObjectProvider<SchedulerClient> scheduler) {
        this.scheduler = scheduler;
    }

    void enqueue(TenantId tenant, UUID messageId) {
        SchedulerClient client = scheduler.getObject();
        client.scheduleIfNotExists(
                new TaskInstance<>(TASK, messageId.toString(), tenant.value().toString()), Instant.now());
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
    static OneTimeTask<String> conversationSendTask(ObjectProvider<ChannelConversations> conversations) {
        return Tasks.oneTime(TASK, String.class)
                .onFailure(RetryBackoff.standard())
                .execute((instance, context) -> conversations
                        .getObject()
                        .deliver(TenantId.of(instance.getData()), UUID.fromString(instance.getId())));
    }
}
