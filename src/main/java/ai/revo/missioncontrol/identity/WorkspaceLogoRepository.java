package ai.revo.missioncontrol.identity;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface WorkspaceLogoRepository extends Repository<WorkspaceLogo, UUID> {

    Optional<WorkspaceLogo> findByTenantId(TenantId tenantId);

    @Query("select exists (select 1 from workspace_logos where tenant_id = :tenantId)")
    boolean existsByTenantId(TenantId tenantId);

    WorkspaceLogo save(WorkspaceLogo logo);

    @Modifying
    @Query("delete from workspace_logos where tenant_id = :tenantId")
    int deleteByTenantId(TenantId tenantId);
}
