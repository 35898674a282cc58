package ai.revo.missioncontrol.identity;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** An identity at a sign-in provider (its subject) linked to one user, so signing in there signs in as them. */
@Table("user_identities")
class ExternalIdentity {

    @Id
    private final UUID id;

    private final TenantId tenantId;
    private final UserId userId;
    private final String provider;
    private final String subject;
    private String email;
    private Instant lastUsedAt;

    @Version
    private Long version;

    private final Instant createdAt;
    private Instant updatedAt;

    @PersistenceCreator
    ExternalIdentity(
            UUID id,
            TenantId tenantId,
            UserId userId,
            String provider,
            String subject,
            String email,
            Instant lastUsedAt,
            Long version,
            Instant createdAt,
            Instant updatedAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.userId = userId;
        this.provider = provider;
        this.subject = subject;
        this.email = email;
        this.lastUsedAt = lastUsedAt;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    static ExternalIdentity link(
            TenantId tenant, UserId user, String provider, String subject, String email, Instant now) {
        return new ExternalIdentity(UUID.randomUUID(), tenant, user, provider, subject, email, now, null, now, now);
    }

    void used(String currentEmail, Instant at) {
        email = currentEmail;
        lastUsedAt = at;
        updatedAt = at;
    }

    UUID id() {
        return id;
    }

    TenantId tenantId() {
        return tenantId;
    }

    UserId userId() {
        return userId;
    }

    String provider() {
        return provider;
    }

    String subject() {
        return subject;
    }

    String email() {
        return email;
    }

    Instant lastUsedAt() {
        return lastUsedAt;
    }

    Instant createdAt() {
        return createdAt;
    }
}
