package ai.revo.missioncontrol.agents;

import ai.revo.missioncontrol.platform.Actor;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A run as the API shows it. {@code output} holds the summary counts, {@code error} the last failure
 * ({@code message}, {@code kind}, {@code retryable}), {@code override} a person's manual verdict when there is one.
 */
public record AgentRunView(
        UUID id,
        String agent,
        RunTrigger trigger,
        UUID jobRunId,
        AgentRunStatus status,
        int attempts,
        int maxAttempts,
        Instant nextAttemptAt,
        Actor requestedBy,
        Map<String, Object> input,
        Map<String, Object> output,
        Map<String, Object> error,
        long inputTokens,
        long outputTokens,
        int llmCalls,
        int escalated,
        Override override,
        Instant startedAt,
        Instant finishedAt,
        Long durationMs,
        Instant createdAt,
        Instant updatedAt) {

    /** A person's verdict on a run: SUCCEEDED or FAILED, with notes. */
    public record Override(String outcome, String notes, String by, Instant at) {}
}
