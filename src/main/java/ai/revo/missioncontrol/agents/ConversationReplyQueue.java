package ai.revo.missioncontrol.agents;

import ai.revo.missioncontrol.conversations.ConversationMessageReceived;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.RetryBackoff;
import ai.revo.missioncontrol.safety.Channel;
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
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The AI's reply to a person's WhatsApp or SMS message is durable db-scheduler work, one task per message (its id), queued
 * by the listener of {@code conversation.message_received} in its own transaction after the message committed: the
 * webhook never waits for a model, and a node that dies while writing leaves the task to another.
 */
@Configuration(proxyBeanMethods = false)
class ConversationReplyQueue {

    static final String TASK = "conversation-ai-reply";

    private final ObjectProvider<SchedulerClient> scheduler;

    ConversationReplyQueue(ObjectProvider<SchedulerClient> scheduler) {
        this.scheduler = scheduler;
    }

    @ApplicationModuleListener
    void on(ConversationMessageReceived received) {
        if (received.channel() != Channel.WHATSAPP && received.channel() != Channel.SMS) {
            return; // email answers are written by people (and the composer's helpers)
        }
        SchedulerClient client = scheduler.getObject();
        client.scheduleIfNotExists(
                new TaskInstance<>(
                        TASK, received.messageId().toString(), received.tenantId() + ":" + received.conversationId()),
                Instant.now());
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
    static OneTimeTask<String> conversationAiReplyTask(ObjectProvider<ConversationResponder> responder) {
        return Tasks.oneTime(TASK, String.class)
                .onFailure(RetryBackoff.standard())
                .execute((instance, context) -> {
                    String[] data = instance.getData().split(":", 2);
                    responder
                            .getObject()
                            .respond(TenantId.of(data[0]), UUID.fromString(data[1]), UUID.fromString(instance.getId()));
                });
    }

    /** A snoozed person's follow-up, scheduled by the conversations module for its due day. */
    @Bean
    static OneTimeTask<String> conversationFollowUpTask(ObjectProvider<ConversationResponder> responder) {
        return Tasks.oneTime(ai.revo.missioncontrol.conversations.ConversationFollowUps.TASK, String.class)
                .onFailure(RetryBackoff.standard())
                .execute((instance, context) -> responder
                        .getObject()
                        .followUp(TenantId.of(instance.getData()), UUID.fromString(instance.getId())));
    }
}
