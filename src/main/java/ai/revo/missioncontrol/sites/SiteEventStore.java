package ai.revo.missioncontrol.sites;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.PageQuery;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stored events of the workspace's sites. An append-mostly log written once per request and updated by
 * processing, so it is plain SQL (one statement per step, set-based for reprocessing a range) rather than an
 * aggregate; every statement names the tenant.
 */
@Component
class SiteEventStore {

    static final int MAX_ERROR = 1000;
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};
    private static final String COLUMNS = "id, site_id, received_at, type, status, error, contact_id, lead_id, body, "
            + "properties, headers, attempt, processed_at";

    /** One stored event as processing reads it. */
    record Stored(
            UUID id,
            UUID siteId,
            Instant receivedAt,
            String body,
            SiteEventStatus status,
            int attempt,
            UUID contactId) {}

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    SiteEventStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Stores a delivery; empty when the site already has one with this delivery id (a replay). */
    Optional<UUID> insert(
            TenantId tenant,
            UUID siteId,
            String deliveryId,
            Instant receivedAt,
            Map<String, String> headers,
            String body,
            SiteEventStatus status,
            String error) {
        return jdbc.sql("insert into site_events (id, tenant_id, site_id, delivery_id, received_at, headers, body, "
                        + "status, error) values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?) "
                        + "on conflict (site_id, delivery_id) where delivery_id is not null do nothing returning id")
                .params(
                        UUID.randomUUID(),
                        tenant.value(),
                        siteId,
                        deliveryId,
                        Timestamp.from(receivedAt),
                        toJson(headers),
                        body,
                        status.name(),
                        error)
                .query(UUID.class)
                .optional();
    }

    Optional<SiteEventView> byDelivery(TenantId tenant, UUID siteId, String deliveryId) {
        return jdbc.sql("select " + COLUMNS
                        + " from site_events where tenant_id = ? and site_id = ? and delivery_id = ?")
                .params(tenant.value(), siteId, deliveryId)
                .query(this::view)
                .optional();
    }

    Optional<Stored> load(TenantId tenant, UUID id) {
        return jdbc.sql("select id, site_id, received_at, body, status, attempt, contact_id from site_events "
                        + "where tenant_id = ? and id = ?")
                .params(tenant.value(), id)
                .query((rs, n) -> new Stored(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getTimestamp(3).toInstant(),
                        rs.getString(4),
                        SiteEventStatus.valueOf(rs.getString(5)),
                        rs.getInt(6),
                        rs.getObject(7, UUID.class)))
                .optional();
    }

    Optional<SiteEventView> get(TenantId tenant, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from site_events where tenant_id = ? and id = ?")
                .params(tenant.value(), id)
                .query(this::view)
                .optional();
    }

    /** Marks attempt {@code attempt} done; false when a later attempt superseded it. */
    boolean processed(
            TenantId tenant,
            UUID id,
            int attempt,
            String type,
            UUID contactId,
            UUID leadId,
            Map<String, Object> properties,
            Instant now) {
        return jdbc.sql("update site_events set status = 'PROCESSED', error = null, type = ?, contact_id = ?, "
                                + "lead_id = ?, properties = cast(? as jsonb), processed_at = ?, updated_at = ? "
                                + "where tenant_id = ? and id = ? and attempt = ?")
                        .params(
                                type,
                                contactId,
                                leadId,
                                toJson(properties),
                                Timestamp.from(now),
                                Timestamp.from(now),
                                tenant.value(),
                                id,
                                attempt)
                        .update()
                == 1;
    }

    boolean failed(TenantId tenant, UUID id, int attempt, String type, String error, Instant now) {
        String e = error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        return jdbc.sql("update site_events set status = 'FAILED', error = ?, type = coalesce(?, type), "
                                + "processed_at = ?, updated_at = ? where tenant_id = ? and id = ? and attempt = ?")
                        .params(e, type, Timestamp.from(now), Timestamp.from(now), tenant.value(), id, attempt)
                        .update()
                == 1;
    }

    /** Queues the event again: RECEIVED with the next attempt number, which it answers. */
    int requeue(TenantId tenant, UUID id, Instant now) {
        return jdbc.sql("update site_events set status = 'RECEIVED', error = null, attempt = attempt + 1, "
                        + "processed_at = null, updated_at = ? where tenant_id = ? and id = ? returning attempt")
                .params(Timestamp.from(now), tenant.value(), id)
                .query(Integer.class)
                .single();
    }

    /** The ids of a site's events received from {@code from} (inclusive) to {@code to} (exclusive) with that status (any when null), oldest first. */
    List<UUID> idsOf(TenantId tenant, UUID siteId, Instant from, Instant to, SiteEventStatus status, int limit) {
        return jdbc.sql("select id from site_events where tenant_id = ? and site_id = ? "
                        + "and (cast(? as timestamptz) is null or received_at >= cast(? as timestamptz)) "
                        + "and (cast(? as timestamptz) is null or received_at < cast(? as timestamptz)) "
                        + "and (cast(? as text) is null or status = cast(? as text)) "
                        + "order by received_at, id limit ?")
                .params(
                        tenant.value(),
                        siteId,
                        ts(from),
                        ts(from),
                        ts(to),
                        ts(to),
                        status == null ? null : status.name(),
                        status == null ? null : status.name(),
                        limit)
                .query(UUID.class)
                .list();
    }

    List<SiteEventView> ofSite(TenantId tenant, UUID siteId, SiteEventStatus status, PageQuery page) {
        return jdbc.sql("select " + COLUMNS + " from site_events where tenant_id = ? and site_id = ? "
                        + "and (cast(? as text) is null or status = cast(? as text)) "
                        + "order by received_at desc, id limit ? offset ?")
                .params(
                        tenant.value(),
                        siteId,
                        status == null ? null : status.name(),
                        status == null ? null : status.name(),
                        page.limit(),
                        page.offset())
                .query(this::view)
                .list();
    }

    long countOfSite(TenantId tenant, UUID siteId, SiteEventStatus status) {
        return jdbc.sql("select count(*) from site_events where tenant_id = ? and site_id = ? "
                        + "and (cast(? as text) is null or status = cast(? as text))")
                .params(
                        tenant.value(),
                        siteId,
                        status == null ? null : status.name(),
                        status == null ? null : status.name())
                .query(Long.class)
                .single();
    }

    /** Whether the contact has a PROCESSED event received after this one (then its values are the newer ones). */
    boolean newerProcessedExists(TenantId tenant, UUID contactId, Instant receivedAt, UUID except) {
        return jdbc.sql("select exists (select 1 from site_events where tenant_id = ? and contact_id = ? "
                        + "and status = 'PROCESSED' and received_at > ? and id <> ?)")
                .params(tenant.value(), contactId, Timestamp.from(receivedAt), except)
                .query(Boolean.class)
                .single();
    }

    private SiteEventView view(ResultSet rs, int n) throws SQLException {
        String body = rs.getString("body");
        Object payload;
        try {
            payload = json.readTree(body);
        } catch (JsonProcessingException notJson) {
            payload = body;
        }
        return new SiteEventView(
                rs.getObject("id", UUID.class),
                rs.getObject("site_id", UUID.class),
                rs.getTimestamp("received_at").toInstant(),
                rs.getString("type"),
                SiteEventStatus.valueOf(rs.getString("status")),
                rs.getString("error"),
                rs.getObject("contact_id", UUID.class),
                rs.getObject("lead_id", UUID.class),
                payload,
                read(rs.getString("properties"), OBJECT),
                read(rs.getString("headers"), HEADERS),
                rs.getInt("attempt"),
                rs.getTimestamp("processed_at") == null
                        ? null
                        : rs.getTimestamp("processed_at").toInstant());
    }

    private <T> T read(String value, TypeReference<T> type) {
        try {
            return json.readValue(value == null ? "{}" : value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON is not readable", e);
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value == null ? Map.of() : value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON-serialisable", e);
        }
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
