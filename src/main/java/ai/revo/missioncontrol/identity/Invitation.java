package ai.revo.missioncontrol.identity;

import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorCode;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A one-time link that lets an invited user choose a password. It expires and works once. */
@Table("invitations")
class Invitation {

    @Id
    private final UUID id;

    private final TenantId tenantId;
    private final UserId userId;
    private final String tokenHash;
    private final UserId invitedBy;
    private final Instant expiresAt;
    private Instant acceptedAt;

    @Version
    private Long version;

    private final Instant createdAt;
    private Instant updatedAt;

    @PersistenceCreator
    Invitation(
            UUID id,
            TenantId tenantId,
            UserId userId,
            String tokenHash,
            UserId invitedBy,
            Instant expiresAt,
            Instant acceptedAt,
            Long version,
            Instant createdAt,
            Instant updatedAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.userId = userId;
        this.tokenHash = tokenHash;
        this.invitedBy = invitedBy;
        this.expiresAt = expiresAt;
        this.acceptedAt = acceptedAt;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    static Invitation create(
            TenantId tenant, UserId user, UserId invitedBy, SecretToken secret, Instant now, java.time.Duration ttl) {
        return new Invitation(
                UUID.randomUUID(), tenant, user, secret.hash(), invitedBy, now.plus(ttl), null, null, now, now);
    }

    void accept(Instant now) {
        if (acceptedAt != null) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, "This invitation has already been used");
        }
        if (!now.isBefore(expiresAt)) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, "This invitation has expired");
        }
        acceptedAt = now;
        updatedAt = now;
    }

    UserId userId() {
        return userId;
    }

    Instant expiresAt() {
        return expiresAt;
    }
}
