package ai.revo.missioncontrol.agents;

import ai.revo.missioncontrol.platform.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A pipeline run with its steps in the order they run. */
public record PipelineRunView(
        UUID id,
        PipelineRunStatus status,
        Actor requestedBy,
        List<Step> steps,
        Instant startedAt,
        Instant finishedAt,
        Instant createdAt) {

    /**
     * One step: its agent, the agent run it started ({@code runId}, null until it starts or when skipped), the
     * outcome, why it failed or was skipped, and the run's summary counts.
     */
    public record Step(
            int position,
            String agent,
            PipelineStepStatus status,
            UUID runId,
            String reason,
            Map<String, Object> output,
            Instant startedAt,
            Instant finishedAt) {}

    public boolean finished() {
        return status == PipelineRunStatus.SUCCEEDED || status == PipelineRunStatus.FAILED;
    }

    public long count(PipelineStepStatus s) {
        return steps.stream().filter(step -> step.status() == s).count();
    }
}
