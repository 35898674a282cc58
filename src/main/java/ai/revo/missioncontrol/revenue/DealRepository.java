package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.identity.TenantId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

interface DealRepository extends Repository<Deal, UUID> {

    Optional<Deal> findByTenantIdAndId(TenantId tenantId, UUID id);

    Deal save(Deal deal);
}
