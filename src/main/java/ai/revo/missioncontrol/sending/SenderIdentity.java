package ai.revo.missioncontrol.sending;

import ai.revo.missioncontrol.identity.EmailAddress;
import ai.revo.missioncontrol.identity.TenantId;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** Who a workspace's emails come from: display name, address, where replies go, and the signature. */
@Table("sender_identities")
class SenderIdentity {

    @Id
    private final UUID id;

    private final TenantId tenantId;
    private String displayName;
    private String address;
    private String replyTo;
    private String signature;
    private boolean isDefault;

    @Version
    private Long version;

    private final Instant createdAt;
    private Instant updatedAt;

    @PersistenceCreator
    SenderIdentity(
            UUID id,
            TenantId tenantId,
            String displayName,
            String address,
            String replyTo,
            String signature,
            boolean isDefault,
            Long version,
            Instant createdAt,
            Instant updatedAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.displayName = displayName;
        this.address = address;
        this.replyTo = replyTo;
        this.signature = signature;
        this.isDefault = isDefault;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    static SenderIdentity create(TenantId tenant, Instant now) {
        return new SenderIdentity(UUID.randomUUID(), tenant, null, null, null, null, false, null, now, now);
    }

    /** Sets every part; {@link InvalidSetting} names a refused one. */
    void set(String name, String email, String reply, String sig, Instant now) {
        String n = name == null ? "" : name.trim();
        if (n.isEmpty() || n.length() > 120 || n.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidSetting("displayName", "must be 1 to 120 characters on one line");
        }
        displayName = n;
        address = address("address", email);
        replyTo = reply == null || reply.isBlank() ? null : address("replyTo", reply);
        String s = sig == null || sig.isBlank() ? null : sig.strip().replace("\r\n", "\n");
        if (s != null && s.length() > 2000) {
            throw new InvalidSetting("signature", "must be at most 2000 characters");
        }
        signature = s;
        updatedAt = now;
    }

    void markDefault(boolean value, Instant now) {
        isDefault = value;
        updatedAt = now;
    }

    private static String address(String field, String value) {
        try {
            return new EmailAddress(value).value();
        } catch (IllegalArgumentException e) {
            throw new InvalidSetting(field, "must be a valid e-mail address");
        }
    }

    UUID id() {
        return id;
    }

    String address() {
        return address;
    }

    boolean isDefault() {
        return isDefault;
    }

    SenderIdentityView view() {
        return new SenderIdentityView(id, displayName, address, replyTo, signature, isDefault, updatedAt);
    }
}
