package ai.revo.missioncontrol.conversations;

import ai.revo.missioncontrol.identity.TenantId;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The AI's reply to one message a person wrote. Once it is settled (sent, discarded, rejected, not written, failed)
 * it stays so: only a reply waiting for approval moves on.
 */
@Table("conversation_ai_replies")
class AiReply extends AbstractAggregateRoot<AiReply> {

    static final int MAX_REASON = 1000;

    @Id
    private final UUID id;

    private final TenantId tenantId;
    private final UUID conversationId;
    private final UUID messageId;
    private AiReplyStatus status;
    private UUID draftId;
    private UUID sentMessageId;
    private String reason;

    @Version
    private Long version;

    private final Instant createdAt;
    private Instant updatedAt;

    @PersistenceCreator
    AiReply(
            UUID id,
            TenantId tenantId,
            UUID conversationId,
            UUID messageId,
            AiReplyStatus status,
            UUID draftId,
            UUID sentMessageId,
            String reason,
            Long version,
            Instant createdAt,
            Instant updatedAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.conversationId = conversationId;
        this.messageId = messageId;
        this.status = status;
        this.draftId = draftId;
        this.sentMessageId = sentMessageId;
        this.reason = reason;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    static AiReply of(
            TenantId tenant,
            UUID conversationId,
            UUID messageId,
            AiReplyStatus status,
            UUID draftId,
            String reason,
            Instant now) {
        AiReply reply = new AiReply(
                UUID.randomUUID(), tenant, conversationId, messageId, status, draftId, null, null, null, now, now);
        reply.reason = clip(reason);
        reply.recorded();
        return reply;
    }

    boolean settled() {
        return status != AiReplyStatus.AWAITING_APPROVAL;
    }

    /** Moves a reply that waits for approval on; a settled one stays as it is (false). */
    boolean settle(AiReplyStatus to, UUID sentMessage, String why, Instant now) {
        if (settled() || to == AiReplyStatus.AWAITING_APPROVAL) {
            return false;
        }
        status = to;
        sentMessageId = sentMessage;
        reason = clip(why);
        updatedAt = now;
        recorded();
        return true;
    }

    private void recorded() {
        registerEvent(new ConversationAiReplyRecorded(
                tenantId.value(), conversationId, messageId, id, status, draftId, reason));
    }

    private static String clip(String s) {
        return s == null || s.length() <= MAX_REASON ? s : s.substring(0, MAX_REASON - 1) + "…";
    }

    AiReplyView view() {
        return new AiReplyView(
                id, conversationId, messageId, status, draftId, sentMessageId, reason, createdAt, updatedAt);
    }

    UUID conversationId() {
        return conversationId;
    }

    UUID messageId() {
        return messageId;
    }

    AiReplyStatus status() {
        return status;
    }

    UUID draftId() {
        return draftId;
    }
}
