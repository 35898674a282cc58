package ai.revo.missioncontrol.voice;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.PageQuery;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The call log and the raw server messages. Vapi's messages for one call arrive in any order and some twice, so
 * every write is an upsert on Vapi's call id under the row's lock, one statement per fact; every statement names the
 * tenant.
 */
@Component
class CallStore {

    static final int MAX_TEXT = 200_000;
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final String COLUMNS = "id, site_id, provider_call_id, caller_number, caller_name, status, "
            + "started_at, ended_at, duration_seconds, ended_reason, cost, summary, transcript, recording_url, "
            + "callback_at, callback_note, contact_id, lead_id, reported_at, created_at, updated_at";

    /** The row of a call as a write found it (locked). */
    record Locked(UUID id, String status, Instant reportedAt, UUID contactId) {}

    /** What an end-of-call report says. */
    record Report(
            String callerNumber,
            String callerName,
            Instant startedAt,
            Instant endedAt,
            Long durationSeconds,
            String endedReason,
            BigDecimal cost,
            String summary,
            String transcript,
            String recordingUrl) {}

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    CallStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The call with Vapi's id, made when first seen, locked until the transaction ends. */
    Locked lock(
            TenantId tenant, UUID siteId, String providerCallId, String callerNumber, String callerName, Instant now) {
        jdbc.sql("insert into voice_calls (id, tenant_id, site_id, provider_call_id, caller_number, caller_name, "
                        + "created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?) "
                        + "on conflict (tenant_id, provider_call_id) do nothing")
                .params(
                        UUID.randomUUID(),
                        tenant.value(),
                        siteId,
                        providerCallId,
                        clip(callerNumber, 50),
                        clip(callerName, 200),
                        Timestamp.from(now),
                        Timestamp.from(now))
                .update();
        return jdbc.sql("select id, status, reported_at, contact_id from voice_calls where tenant_id = ? "
                        + "and provider_call_id = ? for update")
                .params(tenant.value(), providerCallId)
                .query((rs, n) -> new Locked(
                        rs.getObject(1, UUID.class), rs.getString(2), instant(rs, 3), rs.getObject(4, UUID.class)))
                .single();
    }

    void status(TenantId tenant, UUID id, String status, Instant now) {
        jdbc.sql("update voice_calls set status = ?, version = version + 1, updated_at = ? "
                        + "where tenant_id = ? and id = ?")
                .params(clip(status, 50), Timestamp.from(now), tenant.value(), id)
                .update();
    }

    void report(TenantId tenant, UUID id, Report r, Instant now) {
        jdbc.sql("update voice_calls set caller_number = coalesce(?, caller_number), caller_name = coalesce(?, "
                        + "caller_name), started_at = coalesce(?, started_at), ended_at = coalesce(?, ended_at), "
                        + "duration_seconds = coalesce(?, duration_seconds), ended_reason = ?, cost = ?, summary = ?, "
                        + "transcript = ?, recording_url = ?, status = 'ended', reported_at = ?, "
                        + "version = version + 1, updated_at = ? where tenant_id = ? and id = ?")
                .params(
                        clip(r.callerNumber(), 50),
                        clip(r.callerName(), 200),
                        ts(r.startedAt()),
                        ts(r.endedAt()),
                        r.durationSeconds(),
                        clip(r.endedReason(), 200),
                        r.cost(),
                        clip(r.summary(), MAX_TEXT),
                        clip(r.transcript(), MAX_TEXT),
                        clip(r.recordingUrl(), 2000),
                        Timestamp.from(now),
                        Timestamp.from(now),
                        tenant.value(),
                        id)
                .update();
    }

    void callback(TenantId tenant, UUID id, String at, String note, Instant now) {
        jdbc.sql("update voice_calls set callback_at = ?, callback_note = ?, version = version + 1, updated_at = ? "
                        + "where tenant_id = ? and id = ?")
                .params(clip(at, 200), clip(note, 2000), Timestamp.from(now), tenant.value(), id)
                .update();
    }

    /** Links the caller once; false when the call already had its contact. */
    boolean link(TenantId tenant, UUID id, UUID contactId, UUID leadId, Instant now) {
        return jdbc.sql("update voice_calls set contact_id = ?, lead_id = ?, version = version + 1, updated_at = ? "
                                + "where tenant_id = ? and id = ? and contact_id is null")
                        .params(contactId, leadId, Timestamp.from(now), tenant.value(), id)
                        .update()
                == 1;
    }

    void message(TenantId tenant, UUID siteId, UUID callId, String type, Instant at, String body, String answer) {
        jdbc.sql("insert into voice_messages (id, tenant_id, site_id, call_id, type, received_at, body, answer) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        tenant.value(),
                        siteId,
                        callId,
                        clip(type, 60),
                        Timestamp.from(at),
                        body,
                        answer)
                .update();
    }

    Optional<CallView> get(TenantId tenant, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from voice_calls where tenant_id = ? and id = ?")
                .params(tenant.value(), id)
                .query((rs, n) -> view(rs, true))
                .optional();
    }

    List<CallView> list(TenantId tenant, UUID siteId, UUID contactId, PageQuery page) {
        return jdbc.sql("select " + COLUMNS + " from voice_calls where tenant_id = ? "
                        + "and (cast(? as uuid) is null or site_id = cast(? as uuid)) "
                        + "and (cast(? as uuid) is null or contact_id = cast(? as uuid)) "
                        + "order by coalesce(started_at, created_at) desc, id limit ? offset ?")
                .params(tenant.value(), siteId, siteId, contactId, contactId, page.limit(), page.offset())
                .query((rs, n) -> view(rs, false))
                .list();
    }

    long count(TenantId tenant, UUID siteId, UUID contactId) {
        return jdbc.sql("select count(*) from voice_calls where tenant_id = ? "
                        + "and (cast(? as uuid) is null or site_id = cast(? as uuid)) "
                        + "and (cast(? as uuid) is null or contact_id = cast(? as uuid))")
                .params(tenant.value(), siteId, siteId, contactId, contactId)
                .query(Long.class)
                .single();
    }

    /** A site's voice settings, when an admin set them. */
    Optional<VoiceSettingsView> settings(TenantId tenant, UUID siteId, String endpoint) {
        return jdbc.sql("select assistant_id, tools, paused_message from voice_site_settings "
                        + "where tenant_id = ? and site_id = ?")
                .params(tenant.value(), siteId)
                .query((rs, n) -> new VoiceSettingsView(
                        siteId, endpoint, rs.getString(1), read(rs.getString(2)), rs.getString(3)))
                .optional();
    }

    void saveSettings(
            TenantId tenant, UUID siteId, String assistantId, List<String> tools, String message, Instant now) {
        jdbc.sql("insert into voice_site_settings (tenant_id, site_id, assistant_id, tools, paused_message, "
                        + "created_at, updated_at) values (?, ?, ?, cast(? as jsonb), ?, ?, ?) "
                        + "on conflict (tenant_id, site_id) do update set assistant_id = excluded.assistant_id, "
                        + "tools = excluded.tools, paused_message = excluded.paused_message, "
                        + "version = voice_site_settings.version + 1, updated_at = excluded.updated_at")
                .params(
                        tenant.value(),
                        siteId,
                        assistantId,
                        write(tools),
                        message,
                        Timestamp.from(now),
                        Timestamp.from(now))
                .update();
    }

    private CallView view(ResultSet rs, boolean detail) throws SQLException {
        Object duration = rs.getObject("duration_seconds");
        return new CallView(
                rs.getObject("id", UUID.class),
                rs.getObject("site_id", UUID.class),
                rs.getString("provider_call_id"),
                rs.getString("caller_number"),
                rs.getString("caller_name"),
                rs.getString("status"),
                instant(rs, "started_at"),
                instant(rs, "ended_at"),
                duration == null ? null : ((Number) duration).longValue(),
                rs.getString("ended_reason"),
                rs.getBigDecimal("cost"),
                rs.getString("summary"),
                detail ? rs.getString("transcript") : null,
                rs.getString("recording_url"),
                rs.getString("callback_at"),
                rs.getString("callback_note"),
                rs.getObject("contact_id", UUID.class),
                rs.getObject("lead_id", UUID.class),
                instant(rs, "reported_at"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private List<String> read(String value) {
        try {
            return json.readValue(value == null ? "[]" : value, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON is not readable", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON-serialisable", e);
        }
    }

    static String clip(String value, int max) {
        if (value == null) {
            return null;
        }
        String v = value.replace("\u0000", "");
        return v.length() > max ? v.substring(0, max) : v;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
