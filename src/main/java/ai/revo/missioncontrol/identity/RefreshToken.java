package ai.revo.missioncontrol.identity;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One refresh token of a sign-in. Refreshing rotates it: the successor joins the same family, and presenting a
 * token that was already rotated is treated as theft and revokes the whole family.
 */
@Table("refresh_tokens")
class RefreshToken {

    @Id
    private final UUID id;

    private final TenantId tenantId;
    private final UserId userId;
    private final UUID familyId;
    private final String tokenHash;
    private final Instant expiresAt;
    private Instant rotatedAt;
    private Instant revokedAt;

    @Version
    private Long version;

    private final Instant createdAt;
    private Instant updatedAt;

    @PersistenceCreator
    RefreshToken(
            UUID id,
            TenantId tenantId,
            UserId userId,
            UUID familyId,
            String tokenHash,
            Instant expiresAt,
            Instant rotatedAt,
            Instant revokedAt,
            Long version,
            Instant createdAt,
            Instant updatedAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.userId = userId;
        this.familyId = familyId;
        this.tokenHash = tokenHash;
        this.expiresAt = expiresAt;
        this.rotatedAt = rotatedAt;
        this.revokedAt = revokedAt;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    static RefreshToken issue(
            TenantId tenant, UserId user, UUID familyId, SecretToken secret, Instant now, java.time.Duration ttl) {
        return new RefreshToken(
                UUID.randomUUID(), tenant, user, familyId, secret.hash(), now.plus(ttl), null, null, null, now, now);
    }

    boolean usable(Instant now) {
        return rotatedAt == null && revokedAt == null && now.isBefore(expiresAt);
    }

    boolean wasRotated() {
        return rotatedAt != null;
    }

    void rotate(Instant now) {
        rotatedAt = now;
        updatedAt = now;
    }

    UUID id() {
        return id;
    }

    UUID familyId() {
        return familyId;
    }

    UserId userId() {
        return userId;
    }

    TenantId tenantId() {
        return tenantId;
    }
}
