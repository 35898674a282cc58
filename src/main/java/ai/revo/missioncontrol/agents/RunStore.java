package ai.revo.missioncontrol.agents;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The rows of {@code agent_runs} and {@code agent_run_items}; every change publishes its event in its transaction. */
@Service
class RunStore {

    /** A run that has just been claimed for an attempt. */
    record Claimed(
            UUID id,
            String agent,
            int attempt,
            int maxAttempts,
            RunTrigger trigger,
            Actor requestedBy,
            Map<String, Object> input) {}

    /** Totals of an attempt, written when it ends. */
    record Totals(Map<String, Object> output, long inputTokens, long outputTokens, int llmCalls, int escalated) {}

    static final Duration STALE_RUNNING = Duration.ofMinutes(15);

    private static final String COLUMNS = "id, agent_key, trigger, job_run_id, status, attempts, max_attempts, "
            + "next_attempt_at, requested_by, input, output, error, input_tokens, output_tokens, llm_calls, escalated, "
            + "override_outcome, override_notes, override_by, override_at, started_at, finished_at, duration_ms, "
            + "created_at, updated_at";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RunStore(JdbcClient jdbc, ObjectMapper json, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public UUID create(
            TenantId tenant,
            String agent,
            RunTrigger trigger,
            UUID jobRunId,
            Actor requestedBy,
            Map<String, Object> input,
            int maxAttempts) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into agent_runs (id, tenant_id, agent_key, trigger, job_run_id, status, max_attempts, "
                        + "requested_by, input, created_at, updated_at) values (:id, :tenant, :agent, :trigger, :job, 'QUEUED', "
                        + ":max, cast(:by as jsonb), cast(:input as jsonb), :now, :now)")
                .param("id", id)
                .param("tenant", tenant.value())
                .param("agent", agent)
                .param("trigger", trigger.name())
                .param("job", jobRunId)
                .param("max", maxAttempts)
                .param("by", write(requestedBy))
                .param("input", write(input == null ? Map.of() : input))
                .param("now", now())
                .update();
        events.publishEvent(new AgentRunChanged(
                tenant.value(),
                id,
                agent,
                "queued",
                AgentRunStatus.QUEUED,
                0,
                Map.of("trigger", trigger.name()),
                requestedBy));
        return id;
    }

    /**
     * Claims the next attempt of a run: QUEUED or FAILED with a retry due (or RUNNING and stale, left by a node that
     * died) becomes RUNNING, unless another run of the same agent is RUNNING. Empty when the run is not there or not
     * claimable (another node has it, or the agent is busy: see {@link #busyWith}).
     */
    @Transactional
    public Optional<Claimed> claim(TenantId tenant, UUID id, Actor agentActor) {
        Instant now = clock.instant();
        Optional<Claimed> claimed = jdbc.sql("update agent_runs set status = 'RUNNING', attempts = attempts + 1, "
                        + "next_attempt_at = null, started_at = coalesce(started_at, :now), updated_at = :now "
                        + "where tenant_id = :tenant and id = :id and (status in ('QUEUED', 'FAILED') "
                        + "or (status = 'RUNNING' and updated_at < :stale)) "
                        // one RUNNING run per agent and workspace; the unique index agent_runs_one_running holds it
                        // when two claims race past this check
                        + "and not exists (select 1 from agent_runs o where o.tenant_id = :tenant "
                        + "and o.agent_key = agent_runs.agent_key and o.status = 'RUNNING' and o.id <> :id) "
                        + "returning id, agent_key, attempts, max_attempts, trigger, requested_by, input")
                .param("tenant", tenant.value())
                .param("id", id)
                .param("now", Timestamp.from(now))
                .param("stale", Timestamp.from(now.minus(STALE_RUNNING)))
                .query((rs, n) -> new Claimed(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getInt(4),
                        RunTrigger.valueOf(rs.getString(5)),
                        read(rs.getString(6), Actor.class),
                        readMap(rs.getString(7))))
                .optional();
        claimed.ifPresent(c -> events.publishEvent(new AgentRunChanged(
                tenant.value(), id, c.agent(), "started", AgentRunStatus.RUNNING, c.attempt(), Map.of(), agentActor)));
        return claimed;
    }

    /**
     * The run of this agent that is RUNNING or QUEUED, other than {@code except} (may be null); empty when the
     * agent is free.
     */
    @Transactional(readOnly = true)
    public Optional<AgentRunView> busyWith(TenantId tenant, String agentKey, UUID except) {
        return jdbc.sql("select * from agent_runs where tenant_id = :tenant and agent_key = :agent "
                        + "and status in ('RUNNING', 'QUEUED') and (cast(:except as uuid) is null or id <> :except) "
                        + "order by case status when 'RUNNING' then 0 else 1 end, created_at limit 1")
                .param("tenant", tenant.value())
                .param("agent", agentKey)
                .param("except", except)
                .query(this::view)
                .optional();
    }

    @Transactional
    public void item(
            TenantId tenant,
            UUID runId,
            int attempt,
            String type,
            String itemId,
            String label,
            String outcome,
            String message,
            UUID draftId,
            boolean flagged) {
        jdbc.sql(
                        "insert into agent_run_items (id, tenant_id, run_id, attempt, item_type, item_id, label, outcome, "
                                + "message, draft_id, flagged, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        tenant.value(),
                        runId,
                        attempt,
                        type,
                        itemId,
                        truncate(label, 300),
                        outcome,
                        truncate(message, 2000),
                        draftId,
                        flagged,
                        now(),
                        now())
                .update();
        // a sign of life for the stale-run check
        jdbc.sql("update agent_runs set updated_at = ? where tenant_id = ? and id = ?")
                .params(now(), tenant.value(), runId)
                .update();
    }

    /** Ends an attempt: SUCCEEDED, FAILED (with the time of the next attempt) or DEAD. */
    @Transactional
    public AgentRunView finish(
            TenantId tenant,
            UUID id,
            AgentRunStatus status,
            Totals totals,
            Map<String, Object> error,
            Instant nextAttemptAt,
            Actor actor,
            Runnable alsoInTransaction) {
        alsoInTransaction.run();
        Instant now = clock.instant();
        jdbc.sql(
                        "update agent_runs set status = :status, output = cast(:output as jsonb), error = cast(:error as jsonb), "
                                + "input_tokens = input_tokens + :in, output_tokens = output_tokens + :out, llm_calls = llm_calls + :calls, "
                                + "escalated = escalated + :escalated, next_attempt_at = :next, finished_at = :now, "
                                + "duration_ms = (extract(epoch from (:now - started_at)) * 1000)::bigint, updated_at = :now "
                                + "where tenant_id = :tenant and id = :id")
                .param("status", status.name())
                .param("output", write(totals.output()))
                .param("error", error == null ? null : write(error))
                .param("in", totals.inputTokens())
                .param("out", totals.outputTokens())
                .param("calls", totals.llmCalls())
                .param("escalated", totals.escalated())
                .param("next", nextAttemptAt == null ? null : Timestamp.from(nextAttemptAt))
                .param("now", Timestamp.from(now))
                .param("tenant", tenant.value())
                .param("id", id)
                .update();
        AgentRunView run = get(tenant, id);
        Map<String, Object> details = new LinkedHashMap<>(totals.output());
        if (error != null) {
            details.put("error", error.get("message"));
        }
        if (nextAttemptAt != null) {
            details.put("nextAttemptAt", nextAttemptAt.toString());
        }
        String step = switch (status) {
            case SUCCEEDED -> "succeeded";
            case DEAD -> "dead";
            default -> "failed";
        };
        events.publishEvent(
                new AgentRunChanged(tenant.value(), id, run.agent(), step, status, run.attempts(), details, actor));
        return run;
    }

    /** A person asks for one more attempt of a FAILED or DEAD run, now. */
    @Transactional
    public AgentRunView requeue(TenantId tenant, UUID id, Actor actor) {
        AgentRunView run = get(tenant, id);
        if (run.status() != AgentRunStatus.FAILED && run.status() != AgentRunStatus.DEAD) {
            throw ApiException.conflict("Only a FAILED or DEAD run can be retried; this one is " + run.status());
        }
        jdbc.sql("update agent_runs set status = 'QUEUED', max_attempts = greatest(max_attempts, attempts + 1), "
                        + "next_attempt_at = null, updated_at = ? where tenant_id = ? and id = ?")
                .params(now(), tenant.value(), id)
                .update();
        events.publishEvent(new AgentRunChanged(
                tenant.value(),
                id,
                run.agent(),
                "retried",
                AgentRunStatus.QUEUED,
                run.attempts(),
                Map.of("previousStatus", run.status().name()),
                actor));
        return get(tenant, id);
    }

    @Transactional
    public AgentRunView override(TenantId tenant, UUID id, String outcome, String notes, Actor admin) {
        AgentRunView before = get(tenant, id);
        if (before.status() == AgentRunStatus.QUEUED || before.status() == AgentRunStatus.RUNNING) {
            throw ApiException.conflict("A run that is " + before.status() + " cannot be overridden yet");
        }
        jdbc.sql("update agent_runs set override_outcome = ?, override_notes = ?, override_by = ?, override_at = ?, "
                        + "next_attempt_at = null, updated_at = ? where tenant_id = ? and id = ?")
                .params(outcome, notes, admin.name(), now(), now(), tenant.value(), id)
                .update();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("outcome", outcome);
        details.put("notes", notes);
        events.publishEvent(new AgentRunChanged(
                tenant.value(), id, before.agent(), "overridden", before.status(), before.attempts(), details, admin));
        return get(tenant, id);
    }

    @Transactional(readOnly = true)
    public AgentRunView get(TenantId tenant, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from agent_runs where tenant_id = ? and id = ?")
                .params(tenant.value(), id)
                .query(this::view)
                .optional()
                .orElseThrow(() -> ApiException.notFound("Run", id));
    }

    @Transactional(readOnly = true)
    public PageResult<AgentRunView> list(
            TenantId tenant, String agent, AgentRunStatus status, RunTrigger trigger, UUID jobRunId, PageQuery page) {
        String where = " where tenant_id = :tenant and (cast(:agent as text) is null or agent_key = :agent) "
                + "and (cast(:status as text) is null or status = :status) "
                + "and (cast(:trigger as text) is null or trigger = :trigger) "
                + "and (cast(:job as uuid) is null or job_run_id = :job)";
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("tenant", tenant.value());
        params.put("agent", agent);
        params.put("status", status == null ? null : status.name());
        params.put("trigger", trigger == null ? null : trigger.name());
        params.put("job", jobRunId);
        long total = jdbc.sql("select count(*) from agent_runs" + where)
                .params(params)
                .query(Long.class)
                .single();
        params.put("limit", page.limit());
        params.put("offset", page.offset());
        return PageResult.of(
                jdbc.sql("select " + COLUMNS + " from agent_runs" + where
                                + " order by created_at desc, id limit :limit offset :offset")
                        .params(params)
                        .query(this::view)
                        .list(),
                page,
                total);
    }

    @Transactional(readOnly = true)
    public List<RunItemView> items(TenantId tenant, UUID runId) {
        return jdbc.sql(
                        "select id, attempt, item_type, item_id, label, outcome, message, draft_id, flagged, created_at "
                                + "from agent_run_items where tenant_id = ? and run_id = ? order by created_at, id limit 5000")
                .params(tenant.value(), runId)
                .query((rs, n) -> new RunItemView(
                        rs.getObject(1, UUID.class),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getObject(8, UUID.class),
                        rs.getBoolean(9),
                        rs.getTimestamp(10).toInstant()))
                .list();
    }

    /** Runs whose retry is due and has no scheduled attempt (e.g. lost when a node died between commit and schedule). */
    @Transactional(readOnly = true)
    public List<UUID> overdueRetries(TenantId tenant, Instant before) {
        return jdbc.sql("select id from agent_runs where tenant_id = ? and status = 'FAILED' and next_attempt_at < ?")
                .params(tenant.value(), Timestamp.from(before))
                .query(UUID.class)
                .list();
    }

    /** The summed counts of every run since {@code since}, plus {@code runsFailed} and {@code runsDead}. */
    @Transactional(readOnly = true)
    public Map<String, Long> figures(TenantId tenant, Instant since) {
        Map<String, Long> figures = new LinkedHashMap<>();
        jdbc.sql(
                        "select o.key, sum(o.value::numeric)::bigint from agent_runs r, jsonb_each_text(r.output) o "
                                + "where r.tenant_id = ? and r.created_at >= ? and o.value ~ '^[0-9]+$' group by o.key order by o.key")
                .params(tenant.value(), Timestamp.from(since))
                .query((rs, n) -> figures.put(rs.getString(1), rs.getLong(2)))
                .list();
        jdbc.sql("select count(*) filter (where status = 'FAILED' and override_outcome is null), "
                        + "count(*) filter (where status = 'DEAD' and override_outcome is null), count(*) "
                        + "from agent_runs where tenant_id = ? and created_at >= ?")
                .params(tenant.value(), Timestamp.from(since))
                .query((rs, n) -> {
                    figures.put("runsFailed", rs.getLong(1));
                    figures.put("runsDead", rs.getLong(2));
                    figures.put("runs", rs.getLong(3));
                    return null;
                })
                .list();
        return figures;
    }

    /** The latest error of a DEAD or FAILED run since then, with its agent, or null. */
    @Transactional(readOnly = true)
    public String latestError(TenantId tenant, Instant since) {
        return jdbc.sql("select agent_key || ': ' || (error->>'message') from agent_runs where tenant_id = ? "
                        + "and created_at >= ? and status in ('FAILED', 'DEAD') and override_outcome is null "
                        + "and error is not null order by updated_at desc limit 1")
                .params(tenant.value(), Timestamp.from(since))
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private AgentRunView view(ResultSet rs, int n) throws SQLException {
        String overrideOutcome = rs.getString("override_outcome");
        return new AgentRunView(
                rs.getObject("id", UUID.class),
                rs.getString("agent_key"),
                RunTrigger.valueOf(rs.getString("trigger")),
                rs.getObject("job_run_id", UUID.class),
                AgentRunStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                rs.getInt("max_attempts"),
                instant(rs, "next_attempt_at"),
                read(rs.getString("requested_by"), Actor.class),
                readMap(rs.getString("input")),
                readMap(rs.getString("output")),
                rs.getString("error") == null ? null : readMap(rs.getString("error")),
                rs.getLong("input_tokens"),
                rs.getLong("output_tokens"),
                rs.getInt("llm_calls"),
                rs.getInt("escalated"),
                overrideOutcome == null
                        ? null
                        : new AgentRunView.Override(
                                overrideOutcome,
                                rs.getString("override_notes"),
                                rs.getString("override_by"),
                                instant(rs, "override_at")),
                instant(rs, "started_at"),
                instant(rs, "finished_at"),
                (Long) rs.getObject("duration_ms"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return text == null ? null : json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> readMap(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, new TypeReference<Map<String, Object>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
