package ai.revo.missioncontrol.knowledge;

import ai.revo.missioncontrol.identity.TenantId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

interface ProductRepository extends Repository<Product, UUID> {

    Optional<Product> findByTenantIdAndId(TenantId tenantId, UUID id);

    Product save(Product product);
}
