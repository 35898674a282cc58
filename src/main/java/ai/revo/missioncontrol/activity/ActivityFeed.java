package ai.revo.missioncontrol.activity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;

/** Reads the event log (feed, replay) and the audit log (list, CSV export) of one workspace. */
@Service
public class ActivityFeed {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private static final int REPLAY_BATCH = 500;

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final LiveEvents live;
    private final TransactionTemplate readOnly;

    ActivityFeed(JdbcClient jdbc, ObjectMapper json, LiveEvents live, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.live = live;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * A page of events, newest first unless {@code ascending}. {@code after} is the cursor from the previous page's
     * {@code nextAfter} (for newest-first: events older than it; for oldest-first: newer).
     */
    @Transactional(readOnly = true)
    public FeedPage feed(TenantId tenant, EventFilter filter, Long after, int limit, boolean ascending) {
        if (limit < 1 || limit > PageQuery.MAX_LIMIT) {
            throw ApiException.invalidField("limit", "must be between 1 and " + PageQuery.MAX_LIMIT);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder("select * from events where tenant_id = :tenant");
        params.put("tenant", tenant.value());
        where(filter, sql, params);
        if (after != null) {
            sql.append(ascending ? " and seq > :after" : " and seq < :after");
            params.put("after", after);
        }
        sql.append(" order by seq ").append(ascending ? "asc" : "desc").append(" limit :limit");
        params.put("limit", limit + 1);
        List<EventEnvelope> rows = jdbc.sql(sql.toString()).params(params).query(this::envelope).list();
        boolean more = rows.size() > limit;
        List<EventEnvelope> page = more ? rows.subList(0, limit) : rows;
        Long next = more ? page.get(page.size() - 1).seq() : null;
        return new FeedPage(List.copyOf(page), new FeedPage.Cursor(limit, ascending ? "asc" : "desc", next, more));
    }

    /**
     * Hands, oldest first, the events after {@code afterSeq} that match to {@code sink}; returns the last seq handed
     * over. Reads in batches, each in its own short transaction, so a slow sink never holds a connection.
     */
    public long replay(TenantId tenant, EventFilter filter, long afterSeq, Consumer<EventEnvelope> sink) {
        long last = afterSeq;
        while (true) {
            long from = last;
            List<EventEnvelope> batch = readOnly.execute(s -> batchAfter(tenant, filter, from));
            for (EventEnvelope e : batch) {
                sink.accept(e);
                last = e.seq();
            }
            if (batch.size() < REPLAY_BATCH) {
                return last;
            }
        }
    }

    /** The highest seq of the workspace so far, 0 when it has no events. */
    public long latestSeq(TenantId tenant) {
        return readOnly.execute(s -> jdbc.sql("select coalesce(max(seq), 0) from events where tenant_id = ?")
                .param(tenant.value()).query(Long.class).single());
    }

    /**
     * Subscribes a live client: it first receives what it missed after {@code lastSeenSeq} (nothing of the past
     * when null), then every new matching event, with no gap and no duplicate. Runs in the caller's tenant context.
     */
    public LiveSubscriber subscribe(TenantId tenant, EventFilter filter, Long lastSeenSeq, LiveSubscriber.Sink sink) {
        // subscribe first, so nothing committed during the replay is missed; the replayed seqs are skipped live
        LiveSubscriber subscriber = live.subscribe(tenant.value(), filter, sink);
        long last;
        try {
            last = lastSeenSeq == null ? latestSeq(tenant) : replay(tenant, filter, lastSeenSeq, e -> {
                try {
                    sink.send(e, live.serialise(e));
                } catch (Exception failed) {
                    throw new IllegalStateException("Client went away during replay", failed);
                }
            });
        } catch (RuntimeException e) {
            subscriber.close("replay failed");
            throw e;
        }
        subscriber.goLive(last);
        return subscriber;
    }

    private List<EventEnvelope> batchAfter(TenantId tenant, EventFilter filter, long after) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder("select * from events where tenant_id = :tenant and seq > :after");
        params.put("tenant", tenant.value());
        params.put("after", after);
        where(filter, sql, params);
        sql.append(" order by seq asc limit ").append(REPLAY_BATCH);
        return jdbc.sql(sql.toString()).params(params).query(this::envelope).list();
    }

    @Transactional(readOnly = true)
    public PageResult<AuditEntry> audit(TenantId tenant, AuditFilter filter, PageQuery page) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(" where tenant_id = :tenant");
        params.put("tenant", tenant.value());
        auditWhere(filter, where, params);
        long total = jdbc.sql("select count(*) from audit_log" + where).params(params).query(Long.class).single();
        params.put("limit", page.limit());
        params.put("offset", page.offset());
        List<AuditEntry> rows = jdbc.sql("select * from audit_log" + where + " order by seq desc limit :limit offset :offset")
                .params(params).query(this::auditEntry).list();
        return PageResult.of(rows, page, total);
    }

    /** Writes the matching audit rows as CSV, newest first, without holding them all in memory. */
    @Transactional(readOnly = true)
    public void exportAudit(TenantId tenant, AuditFilter filter, Writer out) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(" where tenant_id = :tenant");
        params.put("tenant", tenant.value());
        auditWhere(filter, where, params);
        try {
            out.write("timestamp,actor_type,actor_id,actor_name,action,entity_type,entity_id,before,after,request_id,client_address\r\n");
            try (Stream<AuditEntry> rows = jdbc.sql("select * from audit_log" + where + " order by seq desc")
                    .params(params).query(this::auditEntry).stream()) {
                rows.forEach(e -> {
                    List<String> cells = List.of(e.timestamp().toString(), e.actor().type().name(),
                            nullToEmpty(e.actor().id()), nullToEmpty(e.actor().name()), e.action(),
                            nullToEmpty(e.entityType()), nullToEmpty(e.entityId()),
                            e.before() == null ? "" : e.before().toString(), e.after() == null ? "" : e.after().toString(),
                            nullToEmpty(e.requestId()), nullToEmpty(e.clientAddress()));
                    try {
                        out.write(String.join(",", cells.stream().map(CsvCell::of).toList()));
                        out.write("\r\n");
                    } catch (IOException io) {
                        throw new UncheckedIOException(io);
                    }
                });
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void where(EventFilter f, StringBuilder sql, Map<String, Object> params) {
        if (f.type() != null) {
            sql.append(" and type like :type");
            params.put("type", f.type().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
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

    private static void auditWhere(AuditFilter f, StringBuilder sql, Map<String, Object> params) {
        if (f.action() != null && !f.action().isBlank()) {
            sql.append(" and action like :action");
            params.put("action", f.action().trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (f.entityType() != null && !f.entityType().isBlank()) {
            sql.append(" and entity_type = :entityType");
            params.put("entityType", f.entityType().trim());
        }
        if (f.entityId() != null && !f.entityId().isBlank()) {
            sql.append(" and entity_id = :entityId");
            params.put("entityId", f.entityId().trim());
        }
        actor(f.actor() == null || f.actor().isBlank() ? null : f.actor().trim(), sql, params);
        if (f.since() != null) {
            sql.append(" and occurred_at >= :since");
            params.put("since", Timestamp.from(f.since()));
        }
        if (f.until() != null) {
            sql.append(" and occurred_at < :until");
            params.put("until", Timestamp.from(f.until()));
        }
    }

    private static void actor(String actor, StringBuilder sql, Map<String, Object> params) {
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

    private EventEnvelope envelope(ResultSet rs, int row) throws SQLException {
        return new EventEnvelope(rs.getObject("id", UUID.class), rs.getLong("seq"), rs.getString("type"),
                EventCategory.valueOf(rs.getString("category")), rs.getString("entity_type"),
                rs.getString("entity_id"), rs.getObject("task_id", UUID.class), rs.getObject("campaign_id", UUID.class),
                actorOf(rs), rs.getTimestamp("occurred_at").toInstant(), readMap(rs.getString("payload")));
    }

    private AuditEntry auditEntry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getObject("id", UUID.class), rs.getLong("seq"), actorOf(rs), rs.getString("action"),
                rs.getString("entity_type"), rs.getString("entity_id"), readTree(rs.getString("before")),
                readTree(rs.getString("after")), rs.getString("request_id"), rs.getString("client_address"),
                rs.getTimestamp("occurred_at").toInstant());
    }

    private static Actor actorOf(ResultSet rs) throws SQLException {
        return new Actor(Actor.Type.valueOf(rs.getString("actor_type")), rs.getString("actor_id"),
                rs.getString("actor_name"));
    }

    private Map<String, Object> readMap(String value) {
        try {
            return value == null ? Map.of() : json.readValue(value, MAP);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode readTree(String value) {
        try {
            return value == null ? null : json.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
