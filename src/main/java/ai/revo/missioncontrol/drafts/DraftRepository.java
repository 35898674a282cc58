package ai.revo.missioncontrol.drafts;

import ai.revo.missioncontrol.identity.TenantId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface DraftRepository extends Repository<Draft, UUID> {

    Optional<Draft> findByTenantIdAndId(TenantId tenantId, UUID id);

    @Query("select * from drafts where tenant_id = :tenantId and id in (:ids)")
    List<Draft> findAllByTenantIdAndIdIn(TenantId tenantId, Collection<UUID> ids);

    Draft save(Draft draft);
}
