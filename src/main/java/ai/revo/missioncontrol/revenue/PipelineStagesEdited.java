package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code settings.pipeline_stages.edited}: an admin changed the workspace's pipeline stages. */
public record PipelineStagesEdited(UUID tenantId, List<String> before, List<String> after, Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "settings.pipeline_stages.edited";
    }

    @Override
    public EventCategory category() {
        return EventCategory.SYSTEM;
    }

    @Override
    public String entityType() {
        return "settings";
    }

    @Override
    public String entityId() {
        return "pipeline_stages";
    }

    @Override
    public Map<String, Object> payload() {
        return Map.of("stages", after);
    }

    @Override
    public Object auditBefore() {
        return Map.of("stages", before);
    }

    @Override
    public Object auditAfter() {
        return payload();
    }
}
