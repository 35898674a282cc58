package ai.revo.missioncontrol.scheduling;

import java.util.Map;
import java.util.UUID;

/**
 * What a run of a job came to. {@code counts} are summary figures (e.g. {@code leadsEnrolled: 12, failed: 1});
 * {@code reason} explains SKIPPED or FAILED; {@code agentRunId} links the agent run that did the work, if any.
 */
public record JobOutcome(Status status, String reason, Map<String, Integer> counts, UUID agentRunId) {

    public enum Status {
        COMPLETED,
        FAILED,
        SKIPPED
    }

    public JobOutcome {
        counts = counts == null ? Map.of() : Map.copyOf(counts);
    }

    public static JobOutcome completed(Map<String, Integer> counts, UUID agentRunId) {
        return new JobOutcome(Status.COMPLETED, null, counts, agentRunId);
    }

    public static JobOutcome skipped(String reason) {
        return new JobOutcome(Status.SKIPPED, reason, Map.of(), null);
    }

    public static JobOutcome failed(String reason, Map<String, Integer> counts, UUID agentRunId) {
        return new JobOutcome(Status.FAILED, reason, counts, agentRunId);
    }
}
