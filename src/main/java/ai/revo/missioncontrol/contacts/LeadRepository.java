package ai.revo.missioncontrol.contacts;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

import ai.revo.missioncontrol.identity.TenantId;

interface LeadRepository extends Repository<Lead, UUID> {

    Optional<Lead> findByTenantIdAndId(TenantId tenantId, UUID id);

    Optional<Lead> findByTenantIdAndCampaignIdAndContactId(TenantId tenantId, UUID campaignId, UUID contactId);

    Lead save(Lead lead);
}
