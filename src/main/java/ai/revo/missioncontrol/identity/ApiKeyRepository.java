package ai.revo.missioncontrol.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface ApiKeyRepository extends Repository<ApiKey, UUID> {

    @Query("select * from api_keys where tenant_id = :tenantId and user_id = :userId"
            + " order by revoked_at is not null, created_at desc, id limit :limit offset :offset")
    List<ApiKey> findByTenantIdAndUserId(TenantId tenantId, UserId userId, int limit, long offset);

    @Query("select count(*) from api_keys where tenant_id = :tenantId and user_id = :userId")
    long countByTenantIdAndUserId(TenantId tenantId, UserId userId);

    Optional<ApiKey> findByTenantIdAndId(TenantId tenantId, UUID id);

    ApiKey save(ApiKey key);
}
