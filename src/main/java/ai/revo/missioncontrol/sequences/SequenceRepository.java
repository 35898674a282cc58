package ai.revo.missioncontrol.sequences;

import ai.revo.missioncontrol.identity.TenantId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

interface SequenceRepository extends Repository<Sequence, UUID> {

    Optional<Sequence> findByTenantIdAndId(TenantId tenantId, UUID id);

    Sequence save(Sequence sequence);

    java.util.List<Sequence> findAllByTenantIdAndIdIn(TenantId tenantId, java.util.Collection<UUID> ids);
}
