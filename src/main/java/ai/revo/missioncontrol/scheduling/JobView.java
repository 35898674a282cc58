package ai.revo.missioncontrol.scheduling;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A job as the API and the pages show it. {@code nextFireAt} is null for a disabled job; {@code lastRun} is null
 * before the first run.
 */
public record JobView(
        UUID id,
        String key,
        String name,
        String cron,
        String timezone,
        boolean enabled,
        String agent,
        Map<String, Object> parameters,
        Instant nextFireAt,
        LastRun lastRun,
        Instant createdAt,
        Instant updatedAt) {

    /** The latest run of a job, in short. {@code durationMs} is null until it has finished. */
    public record LastRun(
            UUID id, RunStatus status, JobTrigger trigger, Instant startedAt, Instant finishedAt, Long durationMs) {}
}
