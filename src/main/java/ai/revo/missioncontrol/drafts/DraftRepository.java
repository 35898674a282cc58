package ai.revo.missioncontrol.drafts;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

import ai.revo.missioncontrol.identity.TenantId;

interface DraftRepository extends Repository<Draft, UUID> {

    Optional<Draft> findByTenantIdAndId(TenantId tenantId, UUID id);

    Draft save(Draft draft);
}
