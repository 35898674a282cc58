package ai.revo.missioncontrol.drafts;

import ai.revo.missioncontrol.identity.TenantId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

interface DraftRepository extends Repository<Draft, UUID> {

    Optional<Draft> findByTenantIdAndId(TenantId tenantId, UUID id);

    Draft save(Draft draft);
}
