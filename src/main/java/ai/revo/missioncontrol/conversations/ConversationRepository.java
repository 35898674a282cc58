package ai.revo.missioncontrol.conversations;

import ai.revo.missioncontrol.identity.TenantId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface ConversationRepository extends Repository<Conversation, UUID> {

    Optional<Conversation> findByTenantIdAndId(TenantId tenantId, UUID id);

    @Query("select * from conversations where tenant_id = :tenantId and contact_id = :contactId "
            + "and campaign_id is not distinct from cast(:campaignId as uuid) and channel = 'EMAIL' for update")
    Optional<Conversation> lockOf(TenantId tenantId, UUID contactId, UUID campaignId);

    @Query("select * from conversations where tenant_id = :tenantId and contact_id = :contactId "
            + "and campaign_id is not distinct from cast(:campaignId as uuid) and channel = :channel for update")
    Optional<Conversation> lockOfChannel(TenantId tenantId, UUID contactId, UUID campaignId, String channel);

    Conversation save(Conversation conversation);
}
