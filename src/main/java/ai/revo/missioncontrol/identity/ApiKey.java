package ai.revo.missioncontrol.identity;

import ai.revo.missioncontrol.platform.Actor;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A personal access token of one user. Only the SHA-256 of the token is kept, with its first characters and last
 * four to recognise it; the token itself exists once, in the answer to its creation. A revoked key stays revoked.
 */
@Table("api_keys")
class ApiKey extends AbstractAggregateRoot<ApiKey> {

    /** How every token starts, so that it is recognisable (in a leak scan, in the authentication filter). */
    static final String PREFIX = "mc_pat_";

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    private final UUID id;

    private final TenantId tenantId;
    private final UserId userId;
    private final String name;
    private final String tokenHash;
    private final String tokenPrefix;
    private final String lastFour;
    private final String scopes;
    private final Instant expiresAt;
    private Instant revokedAt;
    private UUID revokedBy;
    private final Instant lastUsedAt;

    @Version
    private Long version;

    private final Instant createdAt;
    private Instant updatedAt;

    @PersistenceCreator
    ApiKey(
            UUID id,
            TenantId tenantId,
            UserId userId,
            String name,
            String tokenHash,
            String tokenPrefix,
            String lastFour,
            String scopes,
            Instant expiresAt,
            Instant revokedAt,
            UUID revokedBy,
            Instant lastUsedAt,
            Long version,
            Instant createdAt,
            Instant updatedAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.userId = userId;
        this.name = name;
        this.tokenHash = tokenHash;
        this.tokenPrefix = tokenPrefix;
        this.lastFour = lastFour;
        this.scopes = scopes;
        this.expiresAt = expiresAt;
        this.revokedAt = revokedAt;
        this.revokedBy = revokedBy;
        this.lastUsedAt = lastUsedAt;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /** A new key and its token (returned once). The name, scopes and expiry were checked by the caller. */
    record Issued(ApiKey key, String token) {}

    static Issued issue(
            TenantId tenant,
            UserId user,
            String name,
            Set<ApiKeyScope> scopes,
            Instant expiresAt,
            Actor actor,
            Instant now) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String token = PREFIX + secret;
        ApiKey key = new ApiKey(
                UUID.randomUUID(),
                tenant,
                user,
                name,
                SecretToken.hash(token),
                PREFIX + secret.substring(0, 4),
                secret.substring(secret.length() - 4),
                ApiKeyScope.encode(scopes),
                expiresAt,
                null,
                null,
                null,
                null,
                now,
                now);
        key.registerEvent(new ApiKeyCreated(
                tenant.value(),
                key.id,
                user.value(),
                name,
                scopes.stream().map(ApiKeyScope::wireName).sorted().toList(),
                expiresAt,
                actor));
        return new Issued(key, token);
    }

    /** Revokes the key: from now on it is refused. Revoking a revoked key changes nothing (false). */
    boolean revoke(UserId by, Actor actor, Instant now) {
        if (revokedAt != null) {
            return false;
        }
        revokedAt = now;
        revokedBy = by.value();
        updatedAt = now;
        registerEvent(new ApiKeyRevoked(tenantId.value(), id, userId.value(), name, actor));
        return true;
    }

    UUID id() {
        return id;
    }

    UserId userId() {
        return userId;
    }

    ApiKeyView view(Instant now) {
        String status =
                revokedAt != null ? "REVOKED" : expiresAt != null && !now.isBefore(expiresAt) ? "EXPIRED" : "ACTIVE";
        return new ApiKeyView(
                id,
                name,
                ApiKeyScope.decode(scopes).stream().map(ApiKeyScope::wireName).toList(),
                tokenPrefix + "…" + lastFour,
                status,
                createdAt,
                expiresAt,
                lastUsedAt,
                revokedAt);
    }
}
