package ai.revo.missioncontrol.agents;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code pipeline.run.<step>}: a pipeline run was queued, started, finished one of its steps
 * ({@code step_succeeded}, {@code step_failed}, {@code step_skipped}) or finished ({@code succeeded}, {@code failed}).
 */
public record PipelineRunChanged(
        UUID tenantId,
        UUID pipelineRunId,
        String step,
        PipelineRunStatus status,
        Map<String, Object> details,
        Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "pipeline.run." + step;
    }

    @Override
    public EventCategory category() {
        return step.endsWith("failed") ? EventCategory.ERROR : EventCategory.SYSTEM;
    }

    @Override
    public String entityType() {
        return "pipeline_run";
    }

    @Override
    public String entityId() {
        return pipelineRunId.toString();
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("status", status.name());
        if (details != null) {
            payload.putAll(details);
        }
        return payload;
    }

    @Override
    public Object auditAfter() {
        return payload();
    }
}
