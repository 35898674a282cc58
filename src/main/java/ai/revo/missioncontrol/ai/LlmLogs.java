package ai.revo.missioncontrol.ai;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The log of every LLM call, model or template, success or failure: written after the call, read newest first. */
@Service
public class LlmLogs {

    private static final Set<String> OUTCOMES = Set.of("SUCCEEDED", "FAILED");

    private final JdbcClient jdbc;
    private final Clock clock;

    LlmLogs(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What the gateway records about one call. */
    record Entry(
            LlmContext context,
            String promptKey,
            Integer promptVersion,
            String promptHash,
            String model,
            long latencyMs,
            Integer inputTokens,
            Integer outputTokens,
            int attempts,
            LlmException failure) {}

    /** Model calls (not template renders) and their tokens since {@code since}: what the daily budget counts. */
    @Transactional(readOnly = true)
    public long[] modelUsageSince(TenantId tenant, java.time.Instant since) {
        return jdbc.sql("""
                        select count(*), coalesce(sum(coalesce(input_tokens, 0) + coalesce(output_tokens, 0)), 0)
                        from llm_logs where tenant_id = ? and created_at >= ? and model <> ?
                        """)
                .params(tenant.value(), Timestamp.from(since), LlmResult.TEMPLATE_MODEL)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
    }

    /**
     * Writes one call's row in its own short transaction, even when the caller (wrongly) holds one, so a rollback
     * of the caller's work never loses the record of a call that did happen.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(TenantId tenant, Entry e) {
        LlmContext c = e.context() == null ? LlmContext.none() : e.context();
        String error = e.failure() == null ? null : e.failure().getMessage();
        if (error != null && error.length() > 2000) {
            error = error.substring(0, 2000);
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into llm_logs (id, tenant_id, run_id, entity_type, entity_id, prompt_key, prompt_version,
                    prompt_hash, model, latency_ms, input_tokens, output_tokens, attempts, outcome, error_kind, error,
                    chunk_ids, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(
                        UUID.randomUUID(),
                        tenant.value(),
                        c.runId(),
                        c.entityType(),
                        c.entityId(),
                        e.promptKey(),
                        e.promptVersion(),
                        e.promptHash(),
                        e.model(),
                        e.latencyMs(),
                        e.inputTokens(),
                        e.outputTokens(),
                        e.attempts(),
                        e.failure() == null ? "SUCCEEDED" : "FAILED",
                        e.failure() == null ? null : e.failure().kind().name(),
                        error,
                        c.chunkIds().toArray(new UUID[0]),
                        now,
                        now)
                .update();
    }

    /**
     * The workspace's LLM calls, newest first, optionally only those of one agent run, one prompt key or one
     * outcome (SUCCEEDED or FAILED; 400 otherwise). Null filters match everything.
     */
    @Transactional(readOnly = true)
    public PageResult<LlmLogView> logs(TenantId tenant, UUID runId, String promptKey, String outcome, PageQuery page) {
        String out =
                outcome == null || outcome.isBlank() ? null : outcome.trim().toUpperCase(Locale.ROOT);
        if (out != null && !OUTCOMES.contains(out)) {
            throw ApiException.invalidField("outcome", "must be SUCCEEDED or FAILED");
        }
        String key = promptKey == null || promptKey.isBlank() ? null : promptKey.trim();
        String where = """
                where tenant_id = :tenant and (cast(:run as uuid) is null or run_id = :run)
                  and (cast(:key as text) is null or prompt_key = :key)
                  and (cast(:outcome as text) is null or outcome = :outcome)
                """;
        long total = jdbc.sql("select count(*) from llm_logs " + where)
                .param("tenant", tenant.value())
                .param("run", runId)
                .param("key", key)
                .param("outcome", out)
                .query(Long.class)
                .single();
        var rows = jdbc.sql(
                        "select * from llm_logs " + where + " order by created_at desc, id limit :limit offset :offset")
                .param("tenant", tenant.value())
                .param("run", runId)
                .param("key", key)
                .param("outcome", out)
                .param("limit", page.limit())
                .param("offset", page.offset())
                .query(LlmLogs::view)
                .list();
        return PageResult.of(rows, page, total);
    }

    private static LlmLogView view(ResultSet rs, int n) throws SQLException {
        return new LlmLogView(
                rs.getObject("id", UUID.class),
                rs.getObject("run_id", UUID.class),
                rs.getString("entity_type"),
                rs.getString("entity_id"),
                rs.getString("prompt_key"),
                (Integer) rs.getObject("prompt_version"),
                rs.getString("prompt_hash"),
                rs.getString("model"),
                rs.getLong("latency_ms"),
                (Integer) rs.getObject("input_tokens"),
                (Integer) rs.getObject("output_tokens"),
                rs.getInt("attempts"),
                rs.getString("outcome"),
                rs.getString("error_kind"),
                rs.getString("error"),
                chunkIds(rs.getArray("chunk_ids")),
                rs.getTimestamp("created_at").toInstant());
    }

    private static java.util.List<UUID> chunkIds(java.sql.Array array) throws SQLException {
        if (array == null) {
            return java.util.List.of();
        }
        Object[] ids = (Object[]) array.getArray();
        java.util.List<UUID> out = new java.util.ArrayList<>(ids.length);
        for (Object id : ids) {
            out.add(id instanceof UUID u ? u : UUID.fromString(String.valueOf(id)));
        }
        return out;
    }
}
