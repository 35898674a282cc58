package ai.revo.missioncontrol.identity;

import java.util.Optional;
import org.springframework.data.repository.Repository;

interface TenantRepository extends Repository<Tenant, TenantId> {

    Optional<Tenant> findById(TenantId id);

    Tenant save(Tenant tenant);
}
