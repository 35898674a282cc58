package ai.revo.missioncontrol.identity;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface RefreshTokenRepository extends Repository<RefreshToken, UUID> {

    Optional<RefreshToken> findByTenantIdAndTokenHash(TenantId tenantId, String tokenHash);

    RefreshToken save(RefreshToken token);

    @Modifying
    @Query("update refresh_tokens set revoked_at = :at, updated_at = :at, version = version + 1 "
            + "where tenant_id = :tenantId and family_id = :familyId and revoked_at is null")
    int revokeFamily(TenantId tenantId, UUID familyId, Instant at);

    @Modifying
    @Query("update refresh_tokens set revoked_at = :at, updated_at = :at, version = version + 1 "
            + "where tenant_id = :tenantId and user_id = :userId and revoked_at is null")
    int revokeAllOfUser(TenantId tenantId, UserId userId, Instant at);
}
