package ai.revo.missioncontrol.sites;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A connected website: what it is, how it authenticates, the campaign its new people join, its mapping and its
 * health. The time of its last event is written by ingestion alone (one statement per request), never by saving the
 * aggregate, so editing a site never moves it back.
 */
@Table("sites")
class Site extends AbstractAggregateRoot<Site> {

    static final Duration DEFAULT_SILENT_AFTER = Duration.ofHours(2);
    static final Duration MIN_SILENT_AFTER = Duration.ofMinutes(5);
    static final Duration MAX_SILENT_AFTER = Duration.ofDays(30);

    @Id
    private final UUID id;

    private final TenantId tenantId;
    private String name;
    private String url;
    private String purpose;
    private SitesJsonColumns.DataTypes dataTypes;
    private SiteConnection connection;
    private SiteAuth auth;
    private final String siteKey;
    private UUID campaignId;
    private SiteStatus status;

    @ReadOnlyProperty
    private Instant lastEventAt;

    private Instant silentSince;
    private int silentAfterMinutes;
    private String secretSealed;
    private String secretLastFour;
    private String previousSecretSealed;
    private Instant previousSecretExpiresAt;
    private SiteMapping mapping;

    @Version
    private Long version;

    private final Instant createdAt;
    private Instant updatedAt;

    @PersistenceCreator
    Site(
            UUID id,
            TenantId tenantId,
            String name,
            String url,
            String purpose,
            SitesJsonColumns.DataTypes dataTypes,
            SiteConnection connection,
            SiteAuth auth,
            String siteKey,
            UUID campaignId,
            SiteStatus status,
            Instant lastEventAt,
            Instant silentSince,
            int silentAfterMinutes,
            String secretSealed,
            String secretLastFour,
            String previousSecretSealed,
            Instant previousSecretExpiresAt,
            SiteMapping mapping,
            Long version,
            Instant createdAt,
            Instant updatedAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.name = name;
        this.url = url;
        this.purpose = purpose;
        this.dataTypes = dataTypes;
        this.connection = connection;
        this.auth = auth;
        this.siteKey = siteKey;
        this.campaignId = campaignId;
        this.status = status;
        this.lastEventAt = lastEventAt;
        this.silentSince = silentSince;
        this.silentAfterMinutes = silentAfterMinutes;
        this.secretSealed = secretSealed;
        this.secretLastFour = secretLastFour;
        this.previousSecretSealed = previousSecretSealed;
        this.previousSecretExpiresAt = previousSecretExpiresAt;
        this.mapping = mapping;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /** A new site WAITING for its first event; 400 naming the field for a bad value. */
    static Site register(
            TenantId tenant,
            UUID id,
            SiteDetails d,
            String siteKey,
            String sealedSecret,
            String lastFour,
            Actor actor,
            Instant now) {
        if (d.auth() == null) {
            throw ApiException.invalidField(
                    "auth", "is required: STANDARD_WEBHOOKS, SHARED_SECRET, TYPEFORM or WEBFLOW");
        }
        SiteConnection connection = d.connection() == null ? SiteConnection.PUSH : d.connection();
        if (connection == SiteConnection.PULL) {
            throw ApiException.invalidField("connection", "PULL feeds are not available yet; use PUSH");
        }
        Site site = new Site(
                id,
                tenant,
                requiredName(d.name()),
                url(d.url()),
                text("purpose", d.purpose(), 500),
                new SitesJsonColumns.DataTypes(dataTypes(d.dataTypes())),
                connection,
                d.auth(),
                siteKey,
                d.campaignId(),
                Boolean.TRUE.equals(d.paused()) ? SiteStatus.PAUSED : SiteStatus.WAITING,
                null,
                null,
                (int) silentAfter(d.silentAfter(), DEFAULT_SILENT_AFTER).toMinutes(),
                sealedSecret,
                lastFour,
                null,
                null,
                d.mapping() == null ? SiteMapping.defaultFor(d.auth()) : checkedMapping(d.mapping()),
                null,
                now,
                now);
        site.registerEvent(
                new SiteRegistered(tenant.value(), id, site.name, site.auth, siteKey, site.campaignId, actor));
        return site;
    }

    /** Applies the fields given (null keeps a value); pausing and resuming are their own facts. */
    void edit(SiteDetails d, Actor actor, Instant now) {
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        if (d.name() != null) {
            change("name", name, name = requiredName(d.name()), before, after);
        }
        if (d.url() != null) {
            change("url", url, url = url(d.url()), before, after);
        }
        if (d.purpose() != null) {
            change("purpose", purpose, purpose = text("purpose", d.purpose(), 500), before, after);
        }
        if (d.dataTypes() != null) {
            List<String> old = dataTypes.values();
            dataTypes = new SitesJsonColumns.DataTypes(dataTypes(d.dataTypes()));
            change("dataTypes", old, dataTypes.values(), before, after);
        }
        if (d.connection() == SiteConnection.PULL) {
            throw ApiException.invalidField("connection", "PULL feeds are not available yet; use PUSH");
        }
        if (d.auth() != null && d.auth() != auth) {
            throw ApiException.invalidField(
                    "auth", "cannot change on a connected site; register a new site for another provider");
        }
        if (d.campaignId() != null) {
            change("campaignId", campaignId, campaignId = d.campaignId(), before, after);
        }
        if (d.silentAfter() != null) {
            int old = silentAfterMinutes;
            silentAfterMinutes =
                    (int) silentAfter(d.silentAfter(), DEFAULT_SILENT_AFTER).toMinutes();
            change("silentAfter", Duration.ofMinutes(old).toString(), silentAfter(), before, after);
        }
        if (d.mapping() != null) {
            SiteMapping old = mapping;
            mapping = checkedMapping(d.mapping());
            change("mapping", old, mapping, before, after);
        }
        if (d.secret() != null) {
            throw ApiException.invalidField("secret", "is changed with POST /api/v1/sites/{id}/rotate-secret");
        }
        if (!after.isEmpty()) {
            updatedAt = now;
            registerEvent(new SiteEdited(tenantId.value(), id, name, before, after, actor));
        }
        if (Boolean.TRUE.equals(d.paused()) && status != SiteStatus.PAUSED) {
            status = SiteStatus.PAUSED;
            updatedAt = now;
            registerEvent(new SitePaused(tenantId.value(), id, name, actor));
        } else if (Boolean.FALSE.equals(d.paused()) && status == SiteStatus.PAUSED) {
            status = lastEventAt == null ? SiteStatus.WAITING : SiteStatus.CONNECTED;
            silentSince = null;
            updatedAt = now;
            registerEvent(new SiteResumed(tenantId.value(), id, name, status, actor));
        }
    }

    /** A new secret; the current one keeps verifying until {@code graceUntil}. */
    void rotateSecret(String sealed, String lastFour, Instant graceUntil, Actor actor, Instant now) {
        previousSecretSealed = secretSealed;
        previousSecretExpiresAt = graceUntil;
        secretSealed = sealed;
        secretLastFour = lastFour;
        updatedAt = now;
        registerEvent(new SiteSecretRotated(tenantId.value(), id, name, lastFour, graceUntil, actor));
    }

    /** Nothing arrived for longer than silentAfter: SILENT (the data monitor's finding). */
    boolean goSilent(Instant now) {
        if (status != SiteStatus.CONNECTED && status != SiteStatus.WAITING) {
            return false;
        }
        Instant since = lastEventAt == null ? createdAt : lastEventAt;
        if (!since.plus(Duration.ofMinutes(silentAfterMinutes)).isBefore(now)) {
            return false;
        }
        status = SiteStatus.SILENT;
        silentSince = now;
        updatedAt = now;
        registerEvent(new SiteWentSilent(
                tenantId.value(),
                id,
                name,
                lastEventAt,
                silentAfterMinutes,
                Actor.agent("data-monitor", "Data monitor")));
        return true;
    }

    SiteRemoved removed(Actor actor) {
        return new SiteRemoved(tenantId.value(), id, name, actor);
    }

    /** The sealed secrets that verify a request at {@code now}: the current one, and the previous during its grace. */
    List<String> sealedSecrets(Instant now) {
        List<String> out = new ArrayList<>(List.of(secretSealed));
        if (previousSecretSealed != null && previousSecretExpiresAt != null && previousSecretExpiresAt.isAfter(now)) {
            out.add(previousSecretSealed);
        }
        return out;
    }

    static String secretContext(TenantId tenant, UUID siteId) {
        return "site.secret:" + tenant.value() + ":" + siteId;
    }

    String silentAfter() {
        return Duration.ofMinutes(silentAfterMinutes).toString();
    }

    SiteView view(Instant now) {
        return new SiteView(
                id,
                name,
                url,
                purpose,
                dataTypes.values(),
                connection,
                auth,
                siteKey,
                "/api/v1/ingest/" + siteKey,
                campaignId,
                status,
                lastEventAt,
                silentSince,
                silentAfter(),
                secretLastFour,
                previousSecretExpiresAt != null && previousSecretExpiresAt.isAfter(now)
                        ? previousSecretExpiresAt
                        : null,
                mapping,
                0,
                createdAt,
                updatedAt);
    }

    UUID id() {
        return id;
    }

    TenantId tenantId() {
        return tenantId;
    }

    String name() {
        return name;
    }

    SiteAuth auth() {
        return auth;
    }

    SiteStatus status() {
        return status;
    }

    UUID campaignId() {
        return campaignId;
    }

    SiteMapping mapping() {
        return mapping;
    }

    private static void change(
            String field, Object old, Object now, Map<String, Object> before, Map<String, Object> after) {
        if (!Objects.equals(old, now)) {
            before.put(field, old);
            after.put(field, now);
        }
    }

    private static String requiredName(String value) {
        String v = text("name", value, 100);
        if (v == null) {
            throw ApiException.invalidField("name", "is required");
        }
        return v;
    }

    static String url(String value) {
        String v = text("url", value, 2000);
        if (v == null) {
            return null;
        }
        try {
            URI uri = URI.create(v);
            if (uri.getHost() == null
                    || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("url", "must be an http(s) address such as https://example.com");
        }
        return v;
    }

    private static List<String> dataTypes(List<String> values) {
        if (values == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String value : values) {
            String v = text("dataTypes", value, 50);
            if (v != null && !out.contains(v)) {
                out.add(v);
            }
        }
        if (out.size() > 20) {
            throw ApiException.invalidField("dataTypes", "must list at most 20 kinds");
        }
        return out;
    }

    static Duration silentAfter(String value, Duration otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        Duration d;
        try {
            d = Duration.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField("silentAfter", "must be an ISO-8601 duration such as PT2H");
        }
        if (d.compareTo(MIN_SILENT_AFTER) < 0 || d.compareTo(MAX_SILENT_AFTER) > 0) {
            throw ApiException.invalidField("silentAfter", "must be between 5 minutes (PT5M) and 30 days (P30D)");
        }
        return d;
    }

    static SiteMapping checkedMapping(SiteMapping m) {
        if (m.eventType() != null && EventType.parse(m.eventType()).isEmpty()) {
            throw ApiException.invalidField(
                    "mapping.eventType",
                    "must be form_submit, booking, quote_request, call, email, page_view or custom");
        }
        for (String field : m.fields().keySet()) {
            if (!PayloadMapper.CONTACT_FIELDS.contains(field)) {
                throw ApiException.invalidField(
                        "mapping.fields",
                        "names an unknown contact field '" + field + "' (known: "
                                + String.join(", ", PayloadMapper.CONTACT_FIELDS) + ")");
            }
        }
        List<String> paths = new ArrayList<>(m.fields().values());
        paths.addAll(m.properties().values());
        if (m.eventTypePath() != null) {
            paths.add(m.eventTypePath());
        }
        for (String path : paths) {
            String problem = PayloadMapper.checkPath(path);
            if (problem != null) {
                throw ApiException.invalidField("mapping", "path '" + path + "' " + problem);
            }
        }
        if (m.properties().size() > 50) {
            throw ApiException.invalidField("mapping.properties", "must have at most 50 entries");
        }
        return new SiteMapping(
                m.preset(),
                m.eventType() == null
                        ? null
                        : EventType.parse(m.eventType()).get().wire(),
                m.eventTypePath(),
                m.fields(),
                m.properties());
    }

    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.length() > max) {
            throw ApiException.invalidField(field, "must be at most " + max + " characters");
        }
        if (v.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.invalidField(field, "must not contain control characters");
        }
        return v;
    }
}
