package ai.revo.missioncontrol.conversations;

import ai.revo.missioncontrol.email.ReplyReceived;
import ai.revo.missioncontrol.identity.TenantId;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Files every recorded reply into its conversation after the webhook's transaction commits. The publication
 * registry redelivers the event after a crash; filing is idempotent.
 */
@Component
class ReplyFiling {

    private final ConversationManagement conversations;

    ReplyFiling(ConversationManagement conversations) {
        this.conversations = conversations;
    }

    @Async
    @TransactionalEventListener
    void on(ReplyReceived reply) {
        conversations.recordReply(new TenantId(reply.tenantId()), reply.replyId());
    }
}
