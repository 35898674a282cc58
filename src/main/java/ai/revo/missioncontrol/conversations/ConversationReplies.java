package ai.revo.missioncontrol.conversations;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.ApiException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What became of the AI's reply to each message a person wrote, recorded by the responder (which writes the reply
 * elsewhere, outside any transaction) and read by the inbox. One reply per message: recording a second outcome for a
 * message whose reply is settled changes nothing.
 */
@Service
public class ConversationReplies {

    private final AiReplyRepository replies;
    private final ConversationRepository conversations;
    private final Clock clock;

    ConversationReplies(AiReplyRepository replies, ConversationRepository conversations, Clock clock) {
        this.replies = replies;
        this.conversations = conversations;
        this.clock = clock;
    }

    /**
     * Records the outcome of the AI's reply to {@code messageId}: a draft waiting for approval ({@code draftId}) or a
     * reply not written, failed or discarded ({@code reason} says why). Idempotent per message: when one is recorded
     * already, a settled one stays and a waiting one is settled with this outcome. 404 for an unknown conversation.
     */
    @Transactional
    public AiReplyView record(
            TenantId tenant, UUID conversationId, UUID messageId, AiReplyStatus status, UUID draftId, String reason) {
        conversations
                .findByTenantIdAndId(tenant, conversationId)
                .orElseThrow(() -> ApiException.notFound("Conversation", conversationId));
        Optional<AiReply> existing = replies.findByTenantIdAndMessageId(tenant, messageId);
        if (existing.isPresent()) {
            AiReply reply = existing.get();
            if (reply.settle(status, null, reason, clock.instant())) {
                return replies.save(reply).view();
            }
            return reply.view();
        }
        return replies.save(AiReply.of(tenant, conversationId, messageId, status, draftId, reason, clock.instant()))
                .view();
    }

    /** Settles the reply waiting in {@code draftId}; empty when no AI reply waits in that draft. */
    @Transactional
    public Optional<AiReplyView> settleDraft(
            TenantId tenant, UUID draftId, AiReplyStatus status, UUID sentMessageId, String reason) {
        return replies.findByTenantIdAndDraftId(tenant, draftId).map(reply -> {
            if (reply.settle(status, sentMessageId, reason, clock.instant())) {
                return replies.save(reply).view();
            }
            return reply.view();
        });
    }

    /** The AI reply to the person's message {@code messageId}, if one was recorded. */
    @Transactional(readOnly = true)
    public Optional<AiReplyView> ofMessage(TenantId tenant, UUID messageId) {
        return replies.findByTenantIdAndMessageId(tenant, messageId).map(AiReply::view);
    }

    /** The AI reply written into {@code draftId}, if that draft holds one. */
    @Transactional(readOnly = true)
    public Optional<AiReplyView> ofDraft(TenantId tenant, UUID draftId) {
        return replies.findByTenantIdAndDraftId(tenant, draftId).map(AiReply::view);
    }

    /** The conversation's replies still waiting for approval (at most one in practice). */
    @Transactional(readOnly = true)
    public List<AiReplyView> awaiting(TenantId tenant, UUID conversationId) {
        return replies
                .findByTenantIdAndConversationIdAndStatus(tenant, conversationId, AiReplyStatus.AWAITING_APPROVAL)
                .stream()
                .map(AiReply::view)
                .toList();
    }

    /** The newest AI reply of the conversation, whatever became of it; empty when the AI never replied. */
    @Transactional(readOnly = true)
    public Optional<AiReplyView> latest(TenantId tenant, UUID conversationId) {
        return replies.findFirstByTenantIdAndConversationIdOrderByCreatedAtDesc(tenant, conversationId)
                .map(AiReply::view);
    }
}
