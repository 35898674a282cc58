package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.identity.TenantId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

interface InvoiceRepository extends Repository<Invoice, UUID> {

    Optional<Invoice> findByTenantIdAndId(TenantId tenantId, UUID id);

    Invoice save(Invoice invoice);
}
