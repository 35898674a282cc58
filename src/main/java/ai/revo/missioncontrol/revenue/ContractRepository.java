package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.identity.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

interface ContractRepository extends Repository<Contract, UUID> {

    Optional<Contract> findByTenantIdAndId(TenantId tenantId, UUID id);

    Optional<Contract> findByTenantIdAndReviewDraftId(TenantId tenantId, UUID reviewDraftId);

    List<Contract> findByTenantIdAndDealIdOrderByCreatedAt(TenantId tenantId, UUID dealId);

    Contract save(Contract contract);
}
