package ai.revo.missioncontrol.activity;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.TenantContext;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the event log in short read-only transactions bound to one workspace. Shared by the feed, the replay of
 * reconnecting clients and the live fan-out, which reads committed events in seq order from here rather than
 * trusting the order in which commit notifications happen to arrive.
 */
@Component
class EventLog {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final TransactionTemplate readOnly;

    EventLog(JdbcClient jdbc, ObjectMapper json, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Up to {@code limit} events of the workspace after {@code afterSeq}, oldest first, that match the filter. */
    List<EventEnvelope> after(UUID tenant, EventFilter filter, long afterSeq, int limit) {
        if (EventFilter.ALL.equals(filter)) {
            // live delivery's read after every numbering pass: one statement (V0107), no transaction of its own
            return jdbc.sql("select * from activity_events_after(?, ?, ?)")
                    .params(tenant, afterSeq, limit)
                    .query(this::envelope)
                    .list();
        }
        return TenantContext.callAs(
                tenant,
                () -> readOnly.execute(s -> {
                    Map<String, Object> params = new LinkedHashMap<>();
                    StringBuilder sql =
                            new StringBuilder("select * from events where tenant_id = :tenant and seq > :after");
                    params.put("tenant", tenant);
                    params.put("after", afterSeq);
                    where(filter, sql, params);
                    sql.append(" order by seq asc limit ").append(limit);
                    return jdbc.sql(sql.toString())
                            .params(params)
                            .query(this::envelope)
                            .list();
                }));
    }

    /** The highest seq of the workspace so far, 0 when it has none. */
    long latestSeq(UUID tenant) {
        return TenantContext.callAs(
                tenant,
                () -> readOnly.execute(s -> jdbc.sql(
                                "select coalesce(max(seq), 0) from events where tenant_id = ? and seq is not null")
                        .param(tenant)
                        .query(Long.class)
                        .single()));
    }

    static void where(EventFilter f, StringBuilder sql, Map<String, Object> params) {
        if (f.type() != null) {
            sql.append(" and type like :type");
            params.put("type", likePrefix(f.type()));
        }
        if (f.category() != null) {
            sql.append(" and category = :category");
            params.put("category", f.category().name());
        }
        if (f.entityType() != null) {
            sql.append(" and entity_type = :entityType");
            params.put("entityType", f.entityType());
        }
        if (f.entityId() != null) {
            sql.append(" and entity_id = :entityId");
            params.put("entityId", f.entityId());
        }
        if (f.campaignId() != null) {
            sql.append(" and campaign_id = :campaignId");
            params.put("campaignId", f.campaignId());
        }
        if (f.taskId() != null) {
            sql.append(" and task_id = :taskId");
            params.put("taskId", f.taskId());
        }
        actor(f.actor(), sql, params);
        if (f.since() != null) {
            sql.append(" and occurred_at >= :since");
            params.put("since", Timestamp.from(f.since()));
        }
        if (f.until() != null) {
            sql.append(" and occurred_at < :until");
            params.put("until", Timestamp.from(f.until()));
        }
    }

    static void actor(String actor, StringBuilder sql, Map<String, Object> params) {
        if (actor == null) {
            return;
        }
        String upper = actor.toUpperCase(Locale.ROOT);
        if (upper.equals("USER") || upper.equals("AGENT") || upper.equals("SYSTEM")) {
            sql.append(" and actor_type = :actorType");
            params.put("actorType", upper);
        } else {
            sql.append(" and actor_id = :actorId");
            params.put("actorId", actor);
        }
    }

    static String likePrefix(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    EventEnvelope envelope(ResultSet rs, int row) throws SQLException {
        return new EventEnvelope(
                rs.getObject("id", UUID.class),
                rs.getLong("seq"),
                rs.getString("type"),
                EventCategory.valueOf(rs.getString("category")),
                rs.getString("entity_type"),
                rs.getString("entity_id"),
                rs.getObject("task_id", UUID.class),
                rs.getObject("campaign_id", UUID.class),
                actorOf(rs),
                rs.getTimestamp("occurred_at").toInstant(),
                readMap(rs.getString("payload")));
    }

    static Actor actorOf(ResultSet rs) throws SQLException {
        return new Actor(
                Actor.Type.valueOf(rs.getString("actor_type")), rs.getString("actor_id"), rs.getString("actor_name"));
    }

    private Map<String, Object> readMap(String value) {
        try {
            return value == null ? Map.of() : json.readValue(value, MAP);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
