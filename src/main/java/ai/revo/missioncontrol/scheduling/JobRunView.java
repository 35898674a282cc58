package ai.revo.missioncontrol.scheduling;

import ai.revo.missioncontrol.platform.Actor;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One run of a job. {@code scheduledFor} is the fire time it stands for (the request time for a run-now);
 * {@code reason} says why it was SKIPPED, {@code error} why it FAILED; {@code durationMs} is null until finished.
 */
public record JobRunView(
        UUID id,
        UUID jobId,
        String jobKey,
        String jobName,
        String agent,
        JobTrigger trigger,
        RunStatus status,
        Instant scheduledFor,
        Instant startedAt,
        Instant finishedAt,
        Long durationMs,
        Map<String, Integer> counts,
        String reason,
        String error,
        UUID agentRunId,
        Actor actor,
        Instant createdAt) {}
