package ai.revo.missioncontrol.conversations;

import ai.revo.missioncontrol.identity.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

interface ConversationMessageRepository extends Repository<ConversationMessage, UUID> {

    Optional<ConversationMessage> findByTenantIdAndExternalKey(TenantId tenantId, String externalKey);

    List<ConversationMessage> findByTenantIdAndConversationIdOrderByOccurredAtAscCreatedAtAsc(
            TenantId tenantId, UUID conversationId);

    Optional<ConversationMessage> findByTenantIdAndId(TenantId tenantId, UUID id);

    List<ConversationMessage> findTop20ByTenantIdAndConversationIdOrderByOccurredAtDescCreatedAtDesc(
            TenantId tenantId, UUID conversationId);

    Optional<ConversationMessage> findFirstByTenantIdAndConversationIdAndDirectionOrderByOccurredAtDescCreatedAtDesc(
            TenantId tenantId, UUID conversationId, Direction direction);

    ConversationMessage save(ConversationMessage message);
}
