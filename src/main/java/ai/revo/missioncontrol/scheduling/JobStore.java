package ai.revo.missioncontrol.scheduling;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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

/** Reads and writes the scheduler's two tables; callers own the transaction and the tenant. */
@Component
class JobStore {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private static final TypeReference<Map<String, Integer>> COUNTS = new TypeReference<>() {};

    static final String RUN_COLUMNS = """
            r.id, r.job_id, j.key as job_key, j.name as job_name, j.agent, r.trigger, r.status, r.scheduled_for,
            r.started_at, r.finished_at, r.counts, r.reason, r.error, r.agent_run_id, r.actor_type, r.actor_id,
            r.actor_name, r.created_at
            """;

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    JobStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A job row as stored. */
    record Job(
            UUID id,
            UUID tenantId,
            String key,
            String name,
            String cron,
            String zone,
            boolean enabled,
            String agent,
            Map<String, Object> parameters,
            Instant createdAt,
            Instant updatedAt) {

        JobSchedule schedule() {
            return JobSchedule.of(cron, zone);
        }

        /** The next fire time after {@code after}; null when disabled. */
        Instant nextFireAt(Instant after) {
            return enabled ? schedule().nextAfter(after) : null;
        }

        Map<String, Object> state() {
            return new java.util.LinkedHashMap<>(Map.of(
                    "key",
                    key,
                    "name",
                    name,
                    "cron",
                    cron,
                    "timezone",
                    zone,
                    "enabled",
                    enabled,
                    "agent",
                    agent,
                    "parameters",
                    parameters));
        }

        Actor agentActor() {
            return Actor.agent(agent, name);
        }
    }

    Optional<Job> job(TenantId tenant, UUID id) {
        return jdbc.sql("select * from scheduler_jobs where tenant_id = ? and id = ?")
                .params(tenant.value(), id)
                .query(this::job)
                .optional();
    }

    Optional<Job> jobForUpdate(TenantId tenant, UUID id) {
        return jdbc.sql("select * from scheduler_jobs where tenant_id = ? and id = ? for update")
                .params(tenant.value(), id)
                .query(this::job)
                .optional();
    }

    List<Job> jobs(TenantId tenant) {
        return jdbc.sql("select * from scheduler_jobs where tenant_id = ? order by key")
                .param(tenant.value())
                .query(this::job)
                .list();
    }

    long countJobs(TenantId tenant) {
        return jdbc.sql("select count(*) from scheduler_jobs where tenant_id = ?")
                .param(tenant.value())
                .query(Long.class)
                .single();
    }

    boolean keyTaken(TenantId tenant, String key) {
        return jdbc.sql("select exists (select 1 from scheduler_jobs where tenant_id = ? and key = ?)")
                .params(tenant.value(), key)
                .query(Boolean.class)
                .single();
    }

    void insert(
            TenantId tenant,
            UUID id,
            String key,
            String name,
            JobSchedule schedule,
            boolean enabled,
            String agent,
            Map<String, Object> parameters,
            Instant now) {
        jdbc.sql("""
                insert into scheduler_jobs (id, tenant_id, key, name, cron, time_zone, enabled, agent, parameters,
                    created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?) on conflict (tenant_id, key) do nothing
                """)
                .params(
                        id,
                        tenant.value(),
                        key,
                        name,
                        schedule.cron(),
                        schedule.zone().getId(),
                        enabled,
                        agent,
                        write(parameters),
                        Timestamp.from(now),
                        Timestamp.from(now))
                .update();
    }

    void update(TenantId tenant, Job job, Instant now) {
        jdbc.sql("""
                update scheduler_jobs set name = ?, cron = ?, time_zone = ?, enabled = ?, agent = ?,
                    parameters = cast(? as jsonb), updated_at = ?, version = version + 1
                where tenant_id = ? and id = ?
                """)
                .params(
                        job.name(),
                        job.cron(),
                        job.zone(),
                        job.enabled(),
                        job.agent(),
                        write(job.parameters()),
                        Timestamp.from(now),
                        tenant.value(),
                        job.id())
                .update();
    }

    Optional<JobView.LastRun> lastRun(TenantId tenant, UUID jobId) {
        return jdbc.sql("""
                select id, status, trigger, started_at, finished_at from scheduler_runs
                where tenant_id = ? and job_id = ? order by created_at desc limit 1
                """)
                .params(tenant.value(), jobId)
                .query((rs, n) -> {
                    Instant started = instant(rs, "started_at");
                    Instant finished = instant(rs, "finished_at");
                    return new JobView.LastRun(
                            rs.getObject("id", UUID.class),
                            RunStatus.valueOf(rs.getString("status")),
                            JobTrigger.valueOf(rs.getString("trigger")),
                            started,
                            finished,
                            duration(started, finished));
                })
                .optional();
    }

    void insertRun(
            TenantId tenant,
            UUID id,
            UUID jobId,
            JobTrigger trigger,
            RunStatus status,
            Instant scheduledFor,
            Instant startedAt,
            Instant finishedAt,
            String reason,
            Actor actor,
            Instant now) {
        jdbc.sql("""
                insert into scheduler_runs (id, tenant_id, job_id, trigger, status, scheduled_for, started_at,
                    finished_at, reason, actor_type, actor_id, actor_name, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(
                        id,
                        tenant.value(),
                        jobId,
                        trigger.name(),
                        status.name(),
                        ts(scheduledFor),
                        ts(startedAt),
                        ts(finishedAt),
                        reason,
                        actor.type().name(),
                        actor.id(),
                        actor.name(),
                        ts(now),
                        ts(now))
                .update();
    }

    /** Moves a run from one of {@code from} to {@code to}; false when it was not in one of them. */
    boolean moveRun(
            TenantId tenant,
            UUID id,
            List<RunStatus> from,
            RunStatus to,
            Instant startedAt,
            Instant finishedAt,
            Map<String, Integer> counts,
            String reason,
            String error,
            UUID agentRunId,
            Instant now) {
        return jdbc.sql("""
                update scheduler_runs set status = :to, started_at = coalesce(started_at, :started),
                    finished_at = :finished, counts = cast(:counts as jsonb), reason = :reason, error = :error,
                    agent_run_id = :agentRun, updated_at = :now, version = version + 1
                where tenant_id = :tenant and id = :id and status in (:from)
                """)
                        .param("to", to.name())
                        .param("started", ts(startedAt))
                        .param("finished", ts(finishedAt))
                        .param("counts", write(counts == null ? Map.of() : counts))
                        .param("reason", reason)
                        .param("error", error)
                        .param("agentRun", agentRunId)
                        .param("now", ts(now))
                        .param("tenant", tenant.value())
                        .param("id", id)
                        .param("from", from.stream().map(Enum::name).toList())
                        .update()
                == 1;
    }

    Optional<JobRunView> run(TenantId tenant, UUID id) {
        return jdbc.sql("select " + RUN_COLUMNS
                        + " from scheduler_runs r join scheduler_jobs j on j.tenant_id = r.tenant_id and j.id = r.job_id"
                        + " where r.tenant_id = ? and r.id = ?")
                .params(tenant.value(), id)
                .query(this::run)
                .optional();
    }

    List<JobRunView> runs(
            TenantId tenant, UUID jobId, RunStatus status, JobTrigger trigger, Instant since, long offset, int limit) {
        return jdbc.sql("select " + RUN_COLUMNS + """
                 from scheduler_runs r join scheduler_jobs j on j.tenant_id = r.tenant_id and j.id = r.job_id
                where r.tenant_id = :tenant and (cast(:job as uuid) is null or r.job_id = :job)
                  and (cast(:status as text) is null or r.status = :status)
                  and (cast(:trigger as text) is null or r.trigger = :trigger)
                  and (cast(:since as timestamptz) is null or r.created_at >= :since)
                order by r.created_at desc, r.id limit :limit offset :offset
                """)
                .param("tenant", tenant.value())
                .param("job", jobId)
                .param("status", status == null ? null : status.name())
                .param("trigger", trigger == null ? null : trigger.name())
                .param("since", ts(since))
                .param("limit", limit)
                .param("offset", offset)
                .query(this::run)
                .list();
    }

    long countRuns(TenantId tenant, UUID jobId, RunStatus status, JobTrigger trigger) {
        return jdbc.sql("""
                select count(*) from scheduler_runs r where r.tenant_id = :tenant
                  and (cast(:job as uuid) is null or r.job_id = :job)
                  and (cast(:status as text) is null or r.status = :status)
                  and (cast(:trigger as text) is null or r.trigger = :trigger)
                """)
                .param("tenant", tenant.value())
                .param("job", jobId)
                .param("status", status == null ? null : status.name())
                .param("trigger", trigger == null ? null : trigger.name())
                .query(Long.class)
                .single();
    }

    /** Ids of runs in {@code status} that started before {@code before}, optionally of one job and fire time. */
    List<UUID> runsIn(TenantId tenant, RunStatus status, Instant before, UUID jobId, Instant scheduledFor) {
        return jdbc.sql("""
                select id from scheduler_runs where tenant_id = :tenant and status = :status
                  and (cast(:before as timestamptz) is null or coalesce(started_at, created_at) < :before)
                  and (cast(:job as uuid) is null or job_id = :job)
                  and (cast(:scheduled as timestamptz) is null or scheduled_for = :scheduled)
                  and (cast(:job as uuid) is null or trigger <> 'MANUAL')
                """)
                .param("tenant", tenant.value())
                .param("status", status.name())
                .param("before", ts(before))
                .param("job", jobId)
                .param("scheduled", ts(scheduledFor))
                .query(UUID.class)
                .list();
    }

    private Job job(ResultSet rs, int n) throws SQLException {
        return new Job(
                rs.getObject("id", UUID.class),
                rs.getObject("tenant_id", UUID.class),
                rs.getString("key"),
                rs.getString("name"),
                rs.getString("cron"),
                rs.getString("time_zone"),
                rs.getBoolean("enabled"),
                rs.getString("agent"),
                read(rs.getString("parameters"), MAP),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private JobRunView run(ResultSet rs, int n) throws SQLException {
        Instant started = instant(rs, "started_at");
        Instant finished = instant(rs, "finished_at");
        return new JobRunView(
                rs.getObject("id", UUID.class),
                rs.getObject("job_id", UUID.class),
                rs.getString("job_key"),
                rs.getString("job_name"),
                rs.getString("agent"),
                JobTrigger.valueOf(rs.getString("trigger")),
                RunStatus.valueOf(rs.getString("status")),
                instant(rs, "scheduled_for"),
                started,
                finished,
                duration(started, finished),
                read(rs.getString("counts"), COUNTS),
                rs.getString("reason"),
                rs.getString("error"),
                rs.getObject("agent_run_id", UUID.class),
                new Actor(
                        Actor.Type.valueOf(rs.getString("actor_type")),
                        rs.getString("actor_id"),
                        rs.getString("actor_name")),
                instant(rs, "created_at"));
    }

    private static Long duration(Instant started, Instant finished) {
        return started == null || finished == null ? null : finished.toEpochMilli() - started.toEpochMilli();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
