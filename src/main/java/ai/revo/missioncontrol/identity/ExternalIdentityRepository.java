package ai.revo.missioncontrol.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface ExternalIdentityRepository extends Repository<ExternalIdentity, UUID> {

    Optional<ExternalIdentity> findByTenantIdAndProviderAndSubject(TenantId tenantId, String provider, String subject);

    @Query("select * from user_identities where tenant_id = :tenantId and user_id = :userId order by created_at, id")
    List<ExternalIdentity> findByTenantIdAndUserId(TenantId tenantId, UserId userId);

    Optional<ExternalIdentity> findByTenantIdAndId(TenantId tenantId, UUID id);

    @Modifying
    @Query("delete from user_identities where tenant_id = :tenantId and id = :id")
    int deleteByTenantIdAndId(TenantId tenantId, UUID id);

    ExternalIdentity save(ExternalIdentity identity);
}
