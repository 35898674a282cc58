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

/** The rows of {@code pipeline_runs} and {@code pipeline_run_steps}; every change publishes its event. */
@Service
class PipelineStore {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PipelineStore(JdbcClient jdbc, ObjectMapper json, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    /** The workspace's QUEUED or RUNNING pipeline run, if any. */
    @Transactional(readOnly = true)
    public Optional<UUID> unfinished(TenantId tenant) {
        return jdbc.sql("select id from pipeline_runs where tenant_id = ? and status in ('QUEUED', 'RUNNING') limit 1")
                .params(tenant.value())
                .query(UUID.class)
                .optional();
    }

    /** A new QUEUED run with one PENDING step per agent, in order. Joins the caller's transaction. */
    @Transactional
    public UUID create(TenantId tenant, List<String> agents, Actor requestedBy) {
        UUID id = UUID.randomUUID();
        Timestamp now = now();
        jdbc.sql("insert into pipeline_runs (id, tenant_id, status, requested_by, created_at, updated_at) "
                        + "values (?, ?, 'QUEUED', cast(? as jsonb), ?, ?)")
                .params(id, tenant.value(), write(requestedBy), now, now)
                .update();
        for (int i = 0; i < agents.size(); i++) {
            jdbc.sql("insert into pipeline_run_steps (id, tenant_id, pipeline_run_id, position, agent_key, status, "
                            + "created_at, updated_at) values (?, ?, ?, ?, ?, 'PENDING', ?, ?)")
                    .params(UUID.randomUUID(), tenant.value(), id, i + 1, agents.get(i), now, now)
                    .update();
        }
        events.publishEvent(new PipelineRunChanged(
                tenant.value(), id, "queued", PipelineRunStatus.QUEUED, Map.of("steps", agents), requestedBy));
        return id;
    }

    /**
     * QUEUED becomes RUNNING (a RUNNING run is taken again after its node died: its finished steps are not redone).
     * Empty when the run is gone or already finished.
     */
    @Transactional
    public Optional<Actor> claim(TenantId tenant, UUID id) {
        Optional<String> by = jdbc.sql("update pipeline_runs set status = 'RUNNING', started_at = coalesce(started_at, "
                        + ":now), updated_at = :now where tenant_id = :tenant and id = :id "
                        + "and status in ('QUEUED', 'RUNNING') returning requested_by")
                .param("now", now())
                .param("tenant", tenant.value())
                .param("id", id)
                .query(String.class)
                .optional();
        by.ifPresent(b -> events.publishEvent(
                new PipelineRunChanged(tenant.value(), id, "started", PipelineRunStatus.RUNNING, Map.of(), read(b))));
        return by.map(this::read);
    }

    /** The step is working on this agent run. Joins the caller's transaction (which creates the run). */
    @Transactional
    public void stepStarted(TenantId tenant, UUID pipelineRunId, int position, UUID agentRunId) {
        jdbc.sql("update pipeline_run_steps set status = 'RUNNING', agent_run_id = ?, started_at = ?, updated_at = ? "
                        + "where tenant_id = ? and pipeline_run_id = ? and position = ?")
                .params(agentRunId, now(), now(), tenant.value(), pipelineRunId, position)
                .update();
    }

    /** Ends a step as SUCCEEDED, FAILED or SKIPPED with its reason and the run's counts. */
    @Transactional
    public void stepFinished(
            TenantId tenant,
            UUID pipelineRunId,
            PipelineRunView.Step step,
            PipelineStepStatus status,
            String reason,
            Map<String, Object> output,
            Actor actor) {
        jdbc.sql("update pipeline_run_steps set status = ?, reason = ?, output = cast(? as jsonb), "
                        + "started_at = coalesce(started_at, ?), finished_at = ?, updated_at = ? "
                        + "where tenant_id = ? and pipeline_run_id = ? and position = ?")
                .params(
                        status.name(),
                        truncate(reason, 2000),
                        write(output == null ? Map.of() : output),
                        now(),
                        now(),
                        now(),
                        tenant.value(),
                        pipelineRunId,
                        step.position())
                .update();
        jdbc.sql("update pipeline_runs set updated_at = ? where tenant_id = ? and id = ?")
                .params(now(), tenant.value(), pipelineRunId)
                .update();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("position", step.position());
        details.put("agent", step.agent());
        details.put("stepStatus", status.name());
        if (step.runId() != null) {
            details.put("runId", step.runId().toString());
        }
        if (reason != null) {
            details.put("reason", truncate(reason, 500));
        }
        events.publishEvent(new PipelineRunChanged(
                tenant.value(),
                pipelineRunId,
                "step_" + status.name().toLowerCase(java.util.Locale.ROOT),
                PipelineRunStatus.RUNNING,
                details,
                actor));
    }

    /** Ends the run: SUCCEEDED when every step did, FAILED otherwise. */
    @Transactional
    public PipelineRunView finish(TenantId tenant, UUID id, Actor actor) {
        PipelineRunView run = get(tenant, id);
        PipelineRunStatus status = run.steps().stream().allMatch(s -> s.status() == PipelineStepStatus.SUCCEEDED)
                ? PipelineRunStatus.SUCCEEDED
                : PipelineRunStatus.FAILED;
        jdbc.sql("update pipeline_runs set status = ?, finished_at = ?, updated_at = ? where tenant_id = ? and id = ?")
                .params(status.name(), now(), now(), tenant.value(), id)
                .update();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("succeeded", run.count(PipelineStepStatus.SUCCEEDED));
        details.put("failed", run.count(PipelineStepStatus.FAILED));
        details.put("skipped", run.count(PipelineStepStatus.SKIPPED));
        events.publishEvent(new PipelineRunChanged(
                tenant.value(),
                id,
                status == PipelineRunStatus.SUCCEEDED ? "succeeded" : "failed",
                status,
                details,
                actor));
        return get(tenant, id);
    }

    @Transactional(readOnly = true)
    public PipelineRunView get(TenantId tenant, UUID id) {
        return jdbc.sql("select * from pipeline_runs where tenant_id = ? and id = ?")
                .params(tenant.value(), id)
                .query((rs, n) -> view(tenant, rs))
                .optional()
                .orElseThrow(() -> ApiException.notFound("Pipeline run", id));
    }

    @Transactional(readOnly = true)
    public PageResult<PipelineRunView> list(TenantId tenant, PageQuery page) {
        long total = jdbc.sql("select count(*) from pipeline_runs where tenant_id = ?")
                .params(tenant.value())
                .query(Long.class)
                .single();
        List<PipelineRunView> data = jdbc.sql("select * from pipeline_runs where tenant_id = ? "
                        + "order by created_at desc, id limit ? offset ?")
                .params(tenant.value(), page.limit(), page.offset())
                .query((rs, n) -> view(tenant, rs))
                .list();
        return PageResult.of(data, page, total);
    }

    /** The newest pipeline run of the workspace, if there was one. */
    @Transactional(readOnly = true)
    public Optional<PipelineRunView> latest(TenantId tenant) {
        return jdbc.sql("select * from pipeline_runs where tenant_id = ? order by created_at desc, id limit 1")
                .params(tenant.value())
                .query((rs, n) -> view(tenant, rs))
                .optional();
    }

    private PipelineRunView view(TenantId tenant, ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<PipelineRunView.Step> steps = jdbc.sql("select position, agent_key, status, agent_run_id, reason, output, "
                        + "started_at, finished_at from pipeline_run_steps where tenant_id = ? and pipeline_run_id = ? "
                        + "order by position")
                .params(tenant.value(), id)
                .query((s, n) -> new PipelineRunView.Step(
                        s.getInt(1),
                        s.getString(2),
                        PipelineStepStatus.valueOf(s.getString(3)),
                        s.getObject(4, UUID.class),
                        s.getString(5),
                        readMap(s.getString(6)),
                        instant(s, "started_at"),
                        instant(s, "finished_at")))
                .list();
        return new PipelineRunView(
                id,
                PipelineRunStatus.valueOf(rs.getString("status")),
                read(rs.getString("requested_by")),
                steps,
                instant(rs, "started_at"),
                instant(rs, "finished_at"),
                instant(rs, "created_at"));
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

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Actor read(String text) {
        try {
            return json.readValue(text, Actor.class);
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
