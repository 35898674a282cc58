package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.identity.TenantId;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface OfferRepository extends Repository<Offer, UUID> {

    @Query("select * from negotiation_entries where tenant_id = :tenantId and deal_id = :dealId "
            + "order by created_at, id")
    List<Offer> findByTenantIdAndDealId(TenantId tenantId, UUID dealId);

    Offer save(Offer offer);
}
