package ai.revo.missioncontrol.agents;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorCode;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agent runs: started by a person (queued, performed in the background on any node), by a scheduler job (performed at
 * once), retried, overridden, listed, and measured.
 */
@Service
public class AgentRuns {

    private final RunStore store;
    private final RunQueue queue;
    private final AgentRunner runner;
    private final AgentRegistry registry;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final int maxAttempts;

    AgentRuns(
            RunStore store,
            RunQueue queue,
            AgentRunner runner,
            AgentRegistry registry,
            JdbcClient jdbc,
            Clock clock,
            @Value("${mc.agents.max-attempts:3}") int maxAttempts) {
        this.store = store;
        this.queue = queue;
        this.runner = runner;
        this.registry = registry;
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
    }

    /** Whether the agent has work of its own to run (the QA reviewer works inside the drafters' runs). */
    public boolean runnable(String agentKey) {
        return runner.hasWork(agentKey);
    }

    /** Why the agent may not work now, or null; 404 for an unknown agent. */
    public String refusal(TenantId tenant, String agentKey) {
        AgentView agent = registry.byKey(tenant, agentKey);
        String refusal = runner.refusal(tenant, agent);
        if (refusal != null) {
            return refusal;
        }
        return store.busyWith(tenant, agentKey, null)
                .map(other -> agent.name() + " already has a run " + other.status() + " (run " + other.id()
                        + "); two runs of one agent never overlap, so start again when it has finished")
                .orElse(null);
    }

    /**
     * A person starts a run: queued now and performed in the background. 404 for an unknown agent, 409 when the
     * agent or the workspace is paused, the agent has no work of its own, or it already has a run RUNNING or QUEUED
     * (details name it).
     */
    @Transactional
    public AgentRunView start(TenantId tenant, String agentKey, Map<String, Object> input, Actor actor) {
        String refusal = refusal(tenant, agentKey);
        if (refusal != null) {
            throw new ApiException(ErrorCode.CONFLICT, refusal, Map.of("agent", agentKey));
        }
        UUID id = store.create(tenant, agentKey, RunTrigger.MANUAL, null, actor, input, maxAttempts);
        queue.enqueue(tenant, id, 1, clock.instant());
        return store.get(tenant, id);
    }

    /** A scheduler job's run: created and performed at once on the caller's thread; answers the run as it ended. */
    public AgentRunView runForJob(
            TenantId tenant, String agentKey, UUID jobRunId, Actor actor, Map<String, Object> input) {
        UUID id = store.create(tenant, agentKey, RunTrigger.JOB, jobRunId, actor, input, maxAttempts);
        AgentRunView ended = runner.execute(tenant, id);
        return ended == null ? store.get(tenant, id) : ended;
    }

    /** One more attempt of a FAILED or DEAD run, queued now (409 otherwise). */
    @Transactional
    public AgentRunView retry(TenantId tenant, UUID runId, Actor actor) {
        AgentRunView run = store.requeue(tenant, runId, actor);
        queue.enqueue(tenant, runId, run.attempts() + 1, clock.instant());
        return run;
    }

    /** A person's verdict on a finished run (ADMIN): SUCCEEDED or FAILED with notes; stops pending retries. */
    @Transactional
    public AgentRunView override(TenantId tenant, UUID runId, String outcome, String notes, Actor admin) {
        if (outcome == null || !(outcome.equals("SUCCEEDED") || outcome.equals("FAILED"))) {
            throw ApiException.invalidField("outcome", "must be SUCCEEDED or FAILED");
        }
        if (notes == null || notes.isBlank()) {
            throw ApiException.invalidField("notes", "are required");
        }
        if (notes.length() > 2000) {
            throw ApiException.invalidField("notes", "must be at most 2000 characters");
        }
        return store.override(tenant, runId, outcome, notes.trim(), admin);
    }

    public AgentRunView get(TenantId tenant, UUID runId) {
        return store.get(tenant, runId);
    }

    public List<RunItemView> items(TenantId tenant, UUID runId) {
        store.get(tenant, runId);
        return store.items(tenant, runId);
    }

    public PageResult<AgentRunView> list(
            TenantId tenant, String agent, AgentRunStatus status, RunTrigger trigger, UUID jobRunId, PageQuery page) {
        return store.list(tenant, agent, status, trigger, jobRunId, page);
    }

    /** Each agent's figures over the last {@code window} (e.g. 24 hours). */
    @Transactional(readOnly = true)
    public List<AgentMetrics> metrics(TenantId tenant, Duration window) {
        Instant since = clock.instant().minus(window);
        Map<String, AgentMetrics> byAgent = new LinkedHashMap<>();
        jdbc.sql("""
                select agent_key, count(*),
                       count(*) filter (where coalesce(override_outcome, status) = 'SUCCEEDED'),
                       count(*) filter (where status = 'FAILED' and override_outcome is null),
                       count(*) filter (where status = 'DEAD' and override_outcome is null),
                       percentile_disc(0.5) within group (order by duration_ms),
                       percentile_disc(0.95) within group (order by duration_ms),
                       coalesce(sum(input_tokens), 0), coalesce(sum(output_tokens), 0),
                       count(*) filter (where status = 'DEAD' or escalated > 0),
                       count(*) filter (where status in ('SUCCEEDED', 'FAILED', 'DEAD'))
                from agent_runs where tenant_id = ? and created_at >= ? group by agent_key
                """)
                .params(tenant.value(), Timestamp.from(since))
                .query((rs, n) -> {
                    long finished = rs.getLong(11);
                    long runs = rs.getLong(2);
                    byAgent.put(
                            rs.getString(1),
                            new AgentMetrics(
                                    rs.getString(1),
                                    null,
                                    runs,
                                    rs.getLong(3),
                                    rs.getLong(4),
                                    rs.getLong(5),
                                    finished == 0 ? null : round((double) rs.getLong(3) / finished),
                                    (Long) rs.getObject(6),
                                    (Long) rs.getObject(7),
                                    rs.getLong(8),
                                    rs.getLong(9),
                                    rs.getLong(10),
                                    runs == 0 ? null : round((double) rs.getLong(10) / runs)));
                    return null;
                })
                .list();
        List<AgentMetrics> out = new ArrayList<>();
        for (AgentView agent : registry.list(tenant, new PageQuery(1, 100)).data()) {
            AgentMetrics m = byAgent.get(agent.key());
            out.add(
                    m == null
                            ? new AgentMetrics(agent.key(), agent.name(), 0, 0, 0, 0, null, null, null, 0, 0, 0, null)
                            : new AgentMetrics(
                                    m.agent(),
                                    agent.name(),
                                    m.runs(),
                                    m.succeeded(),
                                    m.failed(),
                                    m.dead(),
                                    m.successRate(),
                                    m.p50Ms(),
                                    m.p95Ms(),
                                    m.inputTokens(),
                                    m.outputTokens(),
                                    m.escalated(),
                                    m.escalationRate()));
        }
        return out;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
