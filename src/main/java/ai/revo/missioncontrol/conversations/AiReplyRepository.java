package ai.revo.missioncontrol.conversations;

import ai.revo.missioncontrol.identity.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

interface AiReplyRepository extends Repository<AiReply, UUID> {

    Optional<AiReply> findByTenantIdAndMessageId(TenantId tenantId, UUID messageId);

    Optional<AiReply> findByTenantIdAndDraftId(TenantId tenantId, UUID draftId);

    Optional<AiReply> findFirstByTenantIdAndConversationIdOrderByCreatedAtDesc(TenantId tenantId, UUID conversationId);

    List<AiReply> findByTenantIdAndConversationIdAndStatus(
            TenantId tenantId, UUID conversationId, AiReplyStatus status);

    AiReply save(AiReply reply);
}
