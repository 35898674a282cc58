package ai.revo.missioncontrol.campaigns;

import ai.revo.missioncontrol.identity.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface CampaignRepository extends Repository<Campaign, UUID> {

    Optional<Campaign> findByTenantIdAndId(TenantId tenantId, UUID id);

    List<Campaign> findByTenantId(TenantId tenantId, Pageable page);

    List<Campaign> findByTenantIdAndStatus(TenantId tenantId, CampaignStatus status, Pageable page);

    long countByTenantId(TenantId tenantId);

    long countByTenantIdAndStatus(TenantId tenantId, CampaignStatus status);

    @Query("select exists (select 1 from campaigns where tenant_id = :tenantId and lower(name) = lower(:name) "
            + "and id <> :exceptId)")
    boolean nameTaken(TenantId tenantId, String name, UUID exceptId);

    @Query("select * from campaigns where tenant_id = :tenantId and status in ('ACTIVE', 'PAUSED') "
            + "and end_date is not null and end_date < :before order by end_date, id")
    List<Campaign> findRunningEndingBefore(TenantId tenantId, java.time.LocalDate before);

    /** The campaign with its row locked until the transaction ends (a concurrent locker waits, then reads it anew). */
    @Query("select * from campaigns where tenant_id = :tenantId and id = :id for update")
    Optional<Campaign> lockByTenantIdAndId(TenantId tenantId, UUID id);

    Campaign save(Campaign campaign);
}
