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
    private final String origin;
    private OutboundAccess outboundAccess;
    private Instant suspendedAt;
    private Integer hourlySendLimit;
    private Integer dailySendLimit;
    private Integer llmDailyRequests;
    private Long llmDailyTokens;

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
            String origin,
            OutboundAccess outboundAccess,
            Instant suspendedAt,
            Integer hourlySendLimit,
            Integer dailySendLimit,
            Integer llmDailyRequests,
            Long llmDailyTokens,
            Long version,
            Instant createdAt,
            Instant updatedAt) {
        this.id = id;
        this.name = name;
        this.timeZone = timeZone;
        this.defaultRegion = defaultRegion;
        this.origin = origin;
        this.outboundAccess = outboundAccess;
        this.suspendedAt = suspendedAt;
        this.hourlySendLimit = hourlySendLimit;
        this.dailySendLimit = dailySendLimit;
        this.llmDailyRequests = llmDailyRequests;
        this.llmDailyTokens = llmDailyTokens;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    static final String BY_OPERATOR = "OPERATOR";
    static final String BY_SIGNUP = "SIGNUP";

    /** A workspace the operator creates (the first start): approved to send. */
    static Tenant create(TenantId id, String name, Instant now) {
        return create(id, name, BY_OPERATOR, OutboundAccess.APPROVED, now);
    }

    /** A workspace created by self sign-up: sandboxed unless the installation approves sign-ups. */
    static Tenant signUp(TenantId id, String name, OutboundAccess access, Instant now) {
        return create(id, name, BY_SIGNUP, access, now);
    }

    private static Tenant create(TenantId id, String name, String origin, OutboundAccess access, Instant now) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty() || trimmed.length() > 120) {
            throw new IllegalArgumentException("workspace name must be 1 to 120 characters");
        }
        return new Tenant(
                id,
                trimmed,
                DEFAULT_TIME_ZONE,
                DEFAULT_REGION,
                origin,
                access,
                null,
                null,
                null,
                null,
                null,
                null,
                now,
                now);
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

    /**
     * Renames the workspace and sets its time zone and default phone region (any may be null: unchanged). Each value
     * is checked: a name of 1 to 120 characters, a time zone known to the JDK (e.g. {@code Europe/Paris}), a region
     * libphonenumber knows (ISO 3166 alpha-2, e.g. {@code FR}). Returns false when nothing changed.
     */
    boolean edit(String newName, String newTimeZone, String newRegion, Instant now) {
        String n = newName == null ? name : newName.trim();
        if (n.isEmpty() || n.length() > 120) {
            throw new InvalidSetting("name", "must be 1 to 120 characters");
        }
        String zone = timeZone;
        if (newTimeZone != null) {
            try {
                zone = java.time.ZoneId.of(newTimeZone.trim()).getId();
            } catch (java.time.DateTimeException e) {
                throw new InvalidSetting("timeZone", "is not a known time zone (e.g. America/Toronto)");
            }
        }
        String region = defaultRegion;
        if (newRegion != null) {
            region = newRegion.trim().toUpperCase(java.util.Locale.ROOT);
            if (!com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance()
                    .getSupportedRegions()
                    .contains(region)) {
                throw new InvalidSetting("phoneRegion", "is not a phone region (two letters, e.g. CA)");
            }
        }
        if (n.equals(name) && zone.equals(timeZone) && region.equals(defaultRegion)) {
            return false;
        }
        name = n;
        timeZone = zone;
        defaultRegion = region;
        updatedAt = now;
        return true;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    /** A value the workspace refuses, naming the field of the settings form or API it came from. */
    static final class InvalidSetting extends IllegalArgumentException {
        final String field;

        InvalidSetting(String field, String reason) {
            super(reason);
            this.field = field;
        }
    }

    /** Lets the workspace reach anyone (within its limits); false when it already could. */
    boolean approveOutbound(Instant now) {
        if (outboundAccess == OutboundAccess.APPROVED) {
            return false;
        }
        outboundAccess = OutboundAccess.APPROVED;
        updatedAt = now;
        return true;
    }

    /** Back to reaching only its own users; false when it already was. */
    boolean sandbox(Instant now) {
        if (outboundAccess == OutboundAccess.SANDBOXED) {
            return false;
        }
        outboundAccess = OutboundAccess.SANDBOXED;
        updatedAt = now;
        return true;
    }

    /** Nobody signs in, nothing is sent; false when it already was suspended. */
    boolean suspend(Instant now) {
        if (suspendedAt != null) {
            return false;
        }
        suspendedAt = now;
        updatedAt = now;
        return true;
    }

    boolean reinstate(Instant now) {
        if (suspendedAt == null) {
            return false;
        }
        suspendedAt = null;
        updatedAt = now;
        return true;
    }

    void setLimits(Integer hourly, Integer daily, Integer llmRequests, Long llmTokens, Instant now) {
        if ((hourly != null && hourly < 0)
                || (daily != null && daily < 0)
                || (llmRequests != null && llmRequests < 0)
                || (llmTokens != null && llmTokens < 0)) {
            throw new IllegalArgumentException("limits must be zero or more");
        }
        hourlySendLimit = hourly;
        dailySendLimit = daily;
        llmDailyRequests = llmRequests;
        llmDailyTokens = llmTokens;
        updatedAt = now;
    }

    boolean suspended() {
        return suspendedAt != null;
    }

    WorkspaceStanding standing() {
        return new WorkspaceStanding(
                id,
                BY_SIGNUP.equals(origin),
                outboundAccess,
                suspendedAt,
                hourlySendLimit,
                dailySendLimit,
                llmDailyRequests,
                llmDailyTokens);
    }
}
