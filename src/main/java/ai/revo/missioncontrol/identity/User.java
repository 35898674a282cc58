package ai.revo.missioncontrol.identity;

import ai.revo.missioncontrol.platform.ApiException;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A person who signs in to one workspace. Changing their role or deactivating them bumps
 * {@code permissionsVersion}, which makes every access token issued before the change invalid at once.
 */
@Table("users")
class User {

    @Id
    private final UserId id;

    private final TenantId tenantId;
    private final String email;
    private String displayName;
    private String passwordHash;
    private Role role;
    private boolean active;
    private int permissionsVersion;
    private Instant lastLoginAt;
    private boolean passwordChosen;

    @Version
    private Long version;

    private final Instant createdAt;
    private Instant updatedAt;
    private Instant deletedAt;

    @PersistenceCreator
    User(
            UserId id,
            TenantId tenantId,
            String email,
            String displayName,
            String passwordHash,
            Role role,
            boolean active,
            int permissionsVersion,
            Instant lastLoginAt,
            boolean passwordChosen,
            Long version,
            Instant createdAt,
            Instant updatedAt,
            Instant deletedAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.email = email;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.active = active;
        this.permissionsVersion = permissionsVersion;
        this.lastLoginAt = lastLoginAt;
        this.passwordChosen = passwordChosen;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.deletedAt = deletedAt;
    }

    /** A user who can sign in right away. */
    static User withPassword(TenantId tenant, EmailAddress email, Role role, String passwordHash, Instant now) {
        return new User(
                UserId.random(),
                tenant,
                email.value(),
                null,
                passwordHash,
                role,
                true,
                1,
                null,
                true,
                null,
                now,
                now,
                null);
    }

    /** A user who must accept an invitation and choose a password before signing in. */
    static User invited(TenantId tenant, EmailAddress email, Role role, Instant now) {
        return new User(
                UserId.random(), tenant, email.value(), null, null, role, true, 1, null, true, null, now, now, null);
    }

    boolean canSignIn() {
        return active && passwordHash != null && deletedAt == null;
    }

    boolean isPendingInvitation() {
        return passwordHash == null;
    }

    void signedIn(Instant at) {
        lastLoginAt = at;
    }

    void changeRole(Role newRole, Instant at) {
        if (newRole == role) {
            return;
        }
        role = newRole;
        permissionsVersion++;
        updatedAt = at;
    }

    void deactivate(Instant at) {
        if (!active) {
            return;
        }
        active = false;
        permissionsVersion++;
        updatedAt = at;
    }

    void activate(Instant at) {
        if (active) {
            return;
        }
        active = true;
        permissionsVersion++;
        updatedAt = at;
    }

    void choosePassword(String hash, Instant at) {
        if (!active) {
            throw ApiException.conflict("This user has been deactivated");
        }
        passwordHash = hash;
        passwordChosen = true;
        updatedAt = at;
    }

    /**
     * Accepts the invitation by signing in with a provider: the stored password is an unusable random one (its hash
     * is given), so the user signs in through their linked identity.
     */
    void joinWithoutPassword(String unusableHash, Instant at) {
        if (!active) {
            throw ApiException.conflict("This user has been deactivated");
        }
        passwordHash = unusableHash;
        passwordChosen = false;
        updatedAt = at;
    }

    /** A workspace's first admin who signed up through a provider: no password they know. */
    static User withoutPassword(TenantId tenant, EmailAddress email, Role role, String unusableHash, Instant now) {
        return new User(
                UserId.random(),
                tenant,
                email.value(),
                null,
                unusableHash,
                role,
                true,
                1,
                null,
                false,
                null,
                now,
                now,
                null);
    }

    boolean passwordChosen() {
        return passwordChosen;
    }

    UserId id() {
        return id;
    }

    TenantId tenantId() {
        return tenantId;
    }

    String email() {
        return email;
    }

    String displayName() {
        return displayName;
    }

    String passwordHash() {
        return passwordHash;
    }

    Role role() {
        return role;
    }

    boolean active() {
        return active;
    }

    int permissionsVersion() {
        return permissionsVersion;
    }

    Instant lastLoginAt() {
        return lastLoginAt;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    Instant deletedAt() {
        return deletedAt;
    }
}
