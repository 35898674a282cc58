package ai.revo.missioncontrol.sites;

import ai.revo.missioncontrol.identity.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface SiteRepository extends Repository<Site, UUID> {

    Optional<Site> findByTenantIdAndId(TenantId tenantId, UUID id);

    @Query("select * from sites where tenant_id = :tenantId and status in ('CONNECTED', 'WAITING') "
            + "and coalesce(last_event_at, created_at) < now() - make_interval(mins => silent_after_minutes)")
    List<Site> findOverdue(TenantId tenantId);

    List<Site> findByTenantIdOrderByCreatedAtAsc(TenantId tenantId);

    Site save(Site site);
}
