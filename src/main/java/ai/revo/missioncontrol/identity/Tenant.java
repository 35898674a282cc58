package ai.revo.missioncontrol.identity;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A workspace: everything a team owns lives inside exactly one. */
@Table("tenants")
class Tenant {

    static final String DEFAULT_TIME_ZONE = "America/Toronto";
    static final String DEFAULT_REGION = "CA";

    @Id
    private final TenantId id;

    private String name;
    private String timeZone;
    private String defaultRegion;

    @Version
    private Long version;

    private final Instant createdAt;
    private Instant updatedAt;

    @PersistenceCreator
    Tenant(
            TenantId id,
            String name,
            String timeZone,
            String defaultRegion,
            Long version,
            Instant createdAt,
            Instant updatedAt) {
        this.id = id;
        this.name = name;
        this.timeZone = timeZone;
        this.defaultRegion = defaultRegion;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    static Tenant create(TenantId id, String name, Instant now) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty() || trimmed.length() > 120) {
            throw new IllegalArgumentException("workspace name must be 1 to 120 characters");
        }
        return new Tenant(id, trimmed, DEFAULT_TIME_ZONE, DEFAULT_REGION, null, now, now);
    }

    TenantId id() {
        return id;
    }

    String name() {
        return name;
    }

    String timeZone() {
        return timeZone;
    }

    String defaultRegion() {
        return defaultRegion;
    }
}
