package ai.revo.missioncontrol.contacts;

import ai.revo.missioncontrol.identity.TenantId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

interface LeadRepository extends Repository<Lead, UUID> {

    Optional<Lead> findByTenantIdAndId(TenantId tenantId, UUID id);

    Optional<Lead> findByTenantIdAndCampaignIdAndContactId(TenantId tenantId, UUID campaignId, UUID contactId);

    Lead save(Lead lead);
}
