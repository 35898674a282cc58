package ai.revo.missioncontrol.scheduling;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.identity.WorkspaceCreated;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorCode;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A workspace's scheduler jobs and their runs: listed and read by everyone, created, changed and run on demand by
 * admins (the controllers check roles). Every change keeps the job's entry in the cluster scheduler in step, in the
 * same transaction.
 */
@Service
public class SchedulerJobs {

    /** The agents a job may run. */
    public static final Set<String> AGENTS = Set.of(
            "lead_researcher",
            "enrichment_scorer",
            "outreach_drafter",
            "content_creator",
            "qa_reviewer",
            "daily_briefer");

    /** The jobs every workspace starts with: key, name, cron, agent; all in America/Toronto. */
    static final List<String[]> DEFAULTS = List.of(
            new String[] {"lead_research", "Lead research", "0 9 * * *", "lead_researcher"},
            new String[] {"enrichment_scoring", "Enrichment and scoring", "30 9 * * *", "enrichment_scorer"},
            new String[] {"outreach_drafting_qa", "Outreach drafting and QA", "30 10 * * *", "outreach_drafter"},
            new String[] {
                "content_research_creation_qa", "Content research, creation and QA", "0 12 * * *", "content_creator"
            },
            new String[] {"daily_brief", "Daily brief", "30 16 * * *", "daily_briefer"});

    private static final Pattern KEY = Pattern.compile("^[a-z][a-z0-9_]{1,62}$");

    /** A new job; {@code timezone} defaults to America/Toronto, {@code enabled} to true. */
    public record NewJob(
            String key,
            String name,
            String cron,
            String timezone,
            Boolean enabled,
            String agent,
            Map<String, Object> parameters) {}

    /** A change to a job; null fields stay as they are. */
    public record JobChange(
            String name, String cron, String timezone, Boolean enabled, String agent, Map<String, Object> parameters) {}

    /** Filters of the run history; null means any. */
    public record RunFilter(UUID jobId, RunStatus status, JobTrigger trigger) {}

    private final JobStore store;
    private final JobTriggers triggers;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Clock clock;

    SchedulerJobs(
            JobStore store,
            JobTriggers triggers,
            org.springframework.context.ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.triggers = triggers;
        this.events = events;
        this.clock = clock;
    }

    /** Gives a new workspace the five default jobs, inside the transaction that creates it; idempotent. */
    @EventListener
    void seed(WorkspaceCreated created) {
        TenantId tenant = new TenantId(created.tenantId());
        Instant now = clock.instant();
        for (String[] d : DEFAULTS) {
            JobSchedule schedule = JobSchedule.of(d[2], JobSchedule.DEFAULT_ZONE);
            if (!store.keyTaken(tenant, d[0])) {
                UUID id = UUID.randomUUID();
                store.insert(tenant, id, d[0], d[1], schedule, true, d[3], Map.of(), now);
                triggers.planIfMissing(tenant, id, schedule.nextAfter(now));
            }
        }
    }

    /** All jobs of the workspace, the next to fire first (disabled ones last). */
    @Transactional(readOnly = true)
    public PageResult<JobView> list(TenantId tenant, PageQuery page) {
        Instant now = clock.instant();
        List<JobView> all = store.jobs(tenant).stream()
                .map(j -> view(tenant, j, now))
                .sorted(Comparator.comparing(JobView::nextFireAt, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(JobView::key))
                .toList();
        int from = (int) Math.min(page.offset(), all.size());
        int to = Math.min(from + page.limit(), all.size());
        return PageResult.of(all.subList(from, to), page, all.size());
    }

    /** One job; 404 when it does not exist in this workspace. */
    @Transactional(readOnly = true)
    public JobView get(TenantId tenant, UUID id) {
        return view(tenant, load(tenant, id), clock.instant());
    }

    /**
     * Creates a job and, when enabled, schedules its first fire time. 400 for a bad key, cron, zone or agent; 409
     * when the key is taken. Emits {@code scheduler.job.created}.
     */
    @Transactional
    public JobView create(TenantId tenant, NewJob job, Actor actor) {
        if (job == null) {
            throw ApiException.invalidField("body", "is required");
        }
        if (job.key() == null || !KEY.matcher(job.key()).matches()) {
            throw ApiException.invalidField(
                    "key",
                    "must be 2 to 63 characters: a lower-case letter, then lower-case " + "letters, digits or _");
        }
        String name = name(job.name());
        JobSchedule schedule = JobSchedule.of(job.cron(), job.timezone());
        String agent = agent(job.agent());
        if (store.keyTaken(tenant, job.key())) {
            throw new ApiException(
                    ErrorCode.CONFLICT, "A job with key " + job.key() + " already exists", Map.of("key", job.key()));
        }
        boolean enabled = job.enabled() == null || job.enabled();
        Map<String, Object> parameters = job.parameters() == null ? Map.of() : job.parameters();
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        store.insert(tenant, id, job.key(), name, schedule, enabled, agent, parameters, now);
        JobStore.Job saved = load(tenant, id);
        if (enabled) {
            triggers.plan(tenant, id, schedule.nextAfter(now));
        }
        events.publishEvent(new JobChanged(tenant.value(), id, saved.key(), true, null, saved.state(), actor));
        return view(tenant, saved, now);
    }

    /**
     * Changes a job's name, cron, zone, agent, parameters or enabled flag, and moves (or removes) its entry in the
     * cluster scheduler accordingly. Emits {@code scheduler.job.updated} when something changed.
     */
    @Transactional
    public JobView change(TenantId tenant, UUID id, JobChange change, Actor actor) {
        JobStore.Job current = store.jobForUpdate(tenant, id).orElseThrow(() -> ApiException.notFound("Job", id));
        if (change == null) {
            return view(tenant, current, clock.instant());
        }
        String name = change.name() == null ? current.name() : name(change.name());
        JobSchedule schedule = JobSchedule.of(
                change.cron() == null ? current.cron() : change.cron(),
                change.timezone() == null ? current.zone() : change.timezone());
        String agent = change.agent() == null ? current.agent() : agent(change.agent());
        boolean enabled = change.enabled() == null ? current.enabled() : change.enabled();
        Map<String, Object> parameters = change.parameters() == null ? current.parameters() : change.parameters();
        JobStore.Job next = new JobStore.Job(
                id,
                current.tenantId(),
                current.key(),
                name,
                schedule.cron(),
                schedule.zone().getId(),
                enabled,
                agent,
                parameters,
                current.createdAt(),
                current.updatedAt());
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        Map<String, Object> old = current.state();
        next.state().forEach((field, value) -> {
            if (!value.equals(old.get(field))) {
                before.put(field, old.get(field));
                after.put(field, value);
            }
        });
        Instant now = clock.instant();
        if (after.isEmpty()) {
            return view(tenant, current, now);
        }
        store.update(tenant, next, now);
        if (enabled) {
            if (!current.enabled() || after.containsKey("cron") || after.containsKey("timezone")) {
                triggers.plan(tenant, id, schedule.nextAfter(now));
            }
        } else if (current.enabled()) {
            triggers.unplan(id);
        }
        events.publishEvent(new JobChanged(tenant.value(), id, current.key(), false, before, after, actor));
        return view(tenant, load(tenant, id), now);
    }

    /**
     * Queues a MANUAL run of the job, performed in the background by whichever node picks it up; returns the run's
     * id (the run is QUEUED until then). 409 when the job is disabled. Emits {@code scheduler.job.requested}.
     */
    @Transactional
    public UUID runNow(TenantId tenant, UUID id, Actor actor) {
        JobStore.Job job = load(tenant, id);
        if (!job.enabled()) {
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    "Job " + job.key() + " is disabled; enable it to run it",
                    Map.of("enabled", false));
        }
        UUID runId = UUID.randomUUID();
        Instant now = clock.instant();
        store.insertRun(tenant, runId, id, JobTrigger.MANUAL, RunStatus.QUEUED, now, null, null, null, actor, now);
        triggers.queue(tenant, runId);
        events.publishEvent(new JobRunChanged(
                tenant.value(), runId, id, job.key(), JobTrigger.MANUAL, RunStatus.QUEUED, Map.of(), null, actor));
        return runId;
    }

    /** The run history, newest first, filtered by job, status and trigger. */
    @Transactional(readOnly = true)
    public PageResult<JobRunView> runs(TenantId tenant, RunFilter filter, PageQuery page) {
        RunFilter f = filter == null ? new RunFilter(null, null, null) : filter;
        List<JobRunView> data =
                store.runs(tenant, f.jobId(), f.status(), f.trigger(), null, page.offset(), page.limit());
        return PageResult.of(data, page, store.countRuns(tenant, f.jobId(), f.status(), f.trigger()));
    }

    /** One run; 404 when it does not exist in this workspace. */
    @Transactional(readOnly = true)
    public JobRunView run(TenantId tenant, UUID id) {
        return store.run(tenant, id).orElseThrow(() -> ApiException.notFound("Run", id));
    }

    /** Every run created at or after {@code since} (must not be null), newest first, at most 500. */
    @Transactional(readOnly = true)
    public List<JobRunView> recentRuns(TenantId tenant, Instant since) {
        if (since == null) {
            throw new IllegalArgumentException("since must not be null");
        }
        return store.runs(tenant, null, null, null, since, 0, 500);
    }

    private JobStore.Job load(TenantId tenant, UUID id) {
        return store.job(tenant, id).orElseThrow(() -> ApiException.notFound("Job", id));
    }

    private JobView view(TenantId tenant, JobStore.Job job, Instant now) {
        return new JobView(
                job.id(),
                job.key(),
                job.name(),
                job.cron(),
                job.zone(),
                job.enabled(),
                job.agent(),
                new HashMap<>(job.parameters()),
                job.nextFireAt(now),
                store.lastRun(tenant, job.id()).orElse(null),
                job.createdAt(),
                job.updatedAt());
    }

    private static String name(String name) {
        if (name == null || name.isBlank()) {
            throw ApiException.invalidField("name", "is required");
        }
        if (name.strip().length() > 120) {
            throw ApiException.invalidField("name", "must be at most 120 characters");
        }
        return name.strip();
    }

    private static String agent(String agent) {
        if (agent == null || !AGENTS.contains(agent)) {
            throw ApiException.invalidField(
                    "agent", "must be one of " + AGENTS.stream().sorted().toList());
        }
        return agent;
    }
}
