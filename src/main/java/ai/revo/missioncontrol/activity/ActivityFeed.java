package ai.revo.missioncontrol.activity;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import ai.revo.missioncontrol.platform.TenantContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads the event log (feed, replay, live subscriptions) and the audit log (list, CSV export) of one workspace. */
@Service
public class ActivityFeed {

    private static final int REPLAY_BATCH = 500;
    private static final int EXPORT_BATCH = 1000;

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final LiveEvents live;
    private final EventLog eventLog;
    private final EventSequencer sequencer;
    private final EventDescriptions descriptions;
    private final TransactionTemplate readOnly;
    private final ExecutorService replays = Executors.newCachedThreadPool(LiveEvents.daemonThreads("live-replay-"));

    ActivityFeed(
            JdbcClient jdbc,
            ObjectMapper json,
            LiveEvents live,
            EventLog eventLog,
            EventSequencer sequencer,
            EventDescriptions descriptions,
            PlatformTransactionManager transactions) {
        this.descriptions = descriptions;
        this.jdbc = jdbc;
        this.json = json;
        this.live = live;
        this.eventLog = eventLog;
        this.sequencer = sequencer;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * A page of events, newest first unless {@code ascending}. {@code after} is the cursor from the previous page's
     * {@code nextAfter} (for newest-first: events older than it; for oldest-first: newer).
     */
    public FeedPage feed(TenantId tenant, EventFilter filter, Long after, int limit, boolean ascending) {
        if (limit < 1 || limit > PageQuery.MAX_LIMIT) {
            throw ApiException.invalidField("limit", "must be between 1 and " + PageQuery.MAX_LIMIT);
        }
        // the caller's own events committed just before are numbered before we read
        sequencer.catchUp(tenant.value());
        return readOnly.execute(s -> page(tenant, filter, after, limit, ascending));
    }

    /**
     * Like {@link #feed}, each event described in one line with names in place of ids (resolved for the whole page,
     * one query per kind of name); newest first unless {@code ascending}.
     */
    public List<FeedRow> describedFeed(TenantId tenant, EventFilter filter, Long after, int limit, boolean ascending) {
        if (limit < 1 || limit > PageQuery.MAX_LIMIT) {
            throw ApiException.invalidField("limit", "must be between 1 and " + PageQuery.MAX_LIMIT);
        }
        sequencer.catchUp(tenant.value());
        return readOnly.execute(s -> descriptions.describe(
                tenant, page(tenant, filter, after, limit, ascending).data()));
    }

    private FeedPage page(TenantId tenant, EventFilter filter, Long after, int limit, boolean ascending) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder("select * from events where tenant_id = :tenant and seq is not null");
        params.put("tenant", tenant.value());
        EventLog.where(filter, sql, params);
        if (after != null) {
            sql.append(ascending ? " and seq > :after" : " and seq < :after");
            params.put("after", after);
        }
        sql.append(" order by seq ").append(ascending ? "asc" : "desc").append(" limit :limit");
        params.put("limit", limit + 1);
        List<EventEnvelope> rows = jdbc.sql(sql.toString())
                .params(params)
                .query(eventLog::envelope)
                .list();
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
        sequencer.catchUp(tenant.value());
        long last = afterSeq;
        while (true) {
            List<EventEnvelope> batch = eventLog.after(tenant.value(), filter, last, REPLAY_BATCH);
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
        return eventLog.latestSeq(tenant.value());
    }

    /**
     * Subscribes a live client: it first receives what it missed after {@code lastSeenSeq} (nothing of the past
     * when null), then every new matching event, with no gap and no duplicate. The replay runs in the background,
     * streaming as it reads, so this returns at once. {@code stillAllowed} is re-checked at every keep-alive; the
     * stream closes when it answers false.
     */
    public LiveSubscriber subscribe(
            TenantId tenant,
            EventFilter filter,
            Long lastSeenSeq,
            LiveSubscriber.Sink sink,
            BooleanSupplier stillAllowed) {
        // subscribe first, so nothing committed during the replay is missed; the replayed seqs are skipped live
        LiveSubscriber subscriber = live.subscribe(tenant.value(), filter, sink);
        subscriber.guardWith(stillAllowed);
        replays.execute(() -> {
            try {
                long last = lastSeenSeq == null
                        ? latestSeq(tenant)
                        : replay(tenant, filter, lastSeenSeq, e -> {
                            if (subscriber.isClosed()) {
                                throw new IllegalStateException("Client went away during replay");
                            }
                            try {
                                sink.send(e, live.serialise(e));
                            } catch (Exception failed) {
                                throw new IllegalStateException("Client went away during replay", failed);
                            }
                        });
                subscriber.goLive(last);
            } catch (RuntimeException e) {
                subscriber.close("replay failed");
            }
        });
        return subscriber;
    }

    @Transactional(readOnly = true)
    public PageResult<AuditEntry> audit(TenantId tenant, AuditFilter filter, PageQuery page) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(" where tenant_id = :tenant");
        params.put("tenant", tenant.value());
        auditWhere(filter, where, params);
        long total = jdbc.sql("select count(*) from audit_log" + where)
                .params(params)
                .query(Long.class)
                .single();
        params.put("limit", page.limit());
        params.put("offset", page.offset());
        List<AuditEntry> rows = jdbc.sql(
                        "select * from audit_log" + where + " order by seq desc limit :limit offset :offset")
                .params(params)
                .query(this::auditEntry)
                .list();
        return PageResult.of(rows, page, total);
    }

    /** Like {@link #audit}, each entry described in one line with names in place of ids. */
    @Transactional(readOnly = true)
    public PageResult<AuditRow> describedAudit(TenantId tenant, AuditFilter filter, PageQuery page) {
        PageResult<AuditEntry> entries = audit(tenant, filter, page);
        Map<UUID, Map<String, Object>> eventValues = new HashMap<>();
        if (!entries.data().isEmpty()) {
            // the event each entry was written with (while the event log still keeps it) says what the state does not
            jdbc.sql("select a.id, e.payload, e.campaign_id, e.task_id from audit_log a join events e "
                            + "on e.tenant_id = a.tenant_id and e.id = a.event_id "
                            + "where a.tenant_id = :tenant and a.id in (:ids)")
                    .param("tenant", tenant.value())
                    .param("ids", entries.data().stream().map(AuditEntry::id).toList())
                    .query((rs, n) -> {
                        Map<String, Object> values = new HashMap<>();
                        JsonNode payload = readTree(rs.getString(2));
                        if (payload != null && payload.isObject()) {
                            payload.fields().forEachRemaining(f -> {
                                if (f.getValue().isValueNode() && !f.getValue().isNull()) {
                                    values.put(
                                            f.getKey(),
                                            f.getValue().isBoolean()
                                                    ? f.getValue().asBoolean()
                                                    : f.getValue().asText());
                                }
                            });
                        }
                        if (rs.getString(3) != null) {
                            values.putIfAbsent("campaignId", rs.getString(3));
                        }
                        if (rs.getString(4) != null) {
                            values.putIfAbsent("taskId", rs.getString(4));
                        }
                        return eventValues.put(rs.getObject(1, UUID.class), values);
                    })
                    .list();
        }
        return new PageResult<>(descriptions.describeAudit(tenant, entries.data(), eventValues), entries.pagination());
    }

    /**
     * Writes the matching audit rows as CSV, newest first, without holding them all in memory: rows are read in
     * batches, each in its own short transaction in the workspace, so a slow download never holds a connection.
     */
    public void exportAudit(TenantId tenant, AuditFilter filter, Writer out) {
        try {
            out.write("timestamp,actor_type,actor_id,actor_name,action,entity_type,entity_id,before,after,request_id,"
                    + "client_address\r\n");
            long before = Long.MAX_VALUE;
            while (true) {
                long cursor = before;
                List<AuditEntry> batch = TenantContext.callAs(
                        tenant.value(),
                        () -> readOnly.execute(s -> {
                            Map<String, Object> params = new LinkedHashMap<>();
                            StringBuilder where = new StringBuilder(" where tenant_id = :tenant and seq < :before");
                            params.put("tenant", tenant.value());
                            params.put("before", cursor);
                            auditWhere(filter, where, params);
                            return jdbc.sql("select * from audit_log" + where + " order by seq desc limit "
                                            + EXPORT_BATCH)
                                    .params(params)
                                    .query(this::auditEntry)
                                    .list();
                        }));
                for (AuditEntry e : batch) {
                    List<String> cells = List.of(
                            e.timestamp().toString(),
                            e.actor().type().name(),
                            nullToEmpty(e.actor().id()),
                            nullToEmpty(e.actor().name()),
                            e.action(),
                            nullToEmpty(e.entityType()),
                            nullToEmpty(e.entityId()),
                            e.before() == null ? "" : e.before().toString(),
                            e.after() == null ? "" : e.after().toString(),
                            nullToEmpty(e.requestId()),
                            nullToEmpty(e.clientAddress()));
                    out.write(String.join(",", cells.stream().map(CsvCell::of).toList()));
                    out.write("\r\n");
                    before = e.seq();
                }
                out.flush();
                if (batch.size() < EXPORT_BATCH) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void auditWhere(AuditFilter f, StringBuilder sql, Map<String, Object> params) {
        if (f.action() != null && !f.action().isBlank()) {
            sql.append(" and action like :action");
            params.put("action", EventLog.likePrefix(f.action().trim()));
        }
        if (f.entityType() != null && !f.entityType().isBlank()) {
            sql.append(" and entity_type = :entityType");
            params.put("entityType", f.entityType().trim());
        }
        if (f.entityId() != null && !f.entityId().isBlank()) {
            sql.append(" and entity_id = :entityId");
            params.put("entityId", f.entityId().trim());
        }
        EventLog.actor(
                f.actor() == null || f.actor().isBlank() ? null : f.actor().trim(), sql, params);
        if (f.since() != null) {
            sql.append(" and occurred_at >= :since");
            params.put("since", Timestamp.from(f.since()));
        }
        if (f.until() != null) {
            sql.append(" and occurred_at < :until");
            params.put("until", Timestamp.from(f.until()));
        }
    }

    private AuditEntry auditEntry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(
                rs.getObject("id", UUID.class),
                rs.getLong("seq"),
                EventLog.actorOf(rs),
                rs.getString("action"),
                rs.getString("entity_type"),
                rs.getString("entity_id"),
                readTree(rs.getString("before")),
                readTree(rs.getString("after")),
                rs.getString("request_id"),
                rs.getString("client_address"),
                rs.getTimestamp("occurred_at").toInstant());
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
