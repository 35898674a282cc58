package ai.revo.missioncontrol.tasks;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.Map;
import java.util.UUID;

/** {@code task.created}, {@code task.updated}, {@code task.moved} or {@code task.progress}. */
public record TaskChanged(
        UUID tenantId, String type, UUID taskId, UUID campaignId, Map<String, Object> change, Actor actor)
        implements MissionEvent {

    @Override
    public EventCategory category() {
        return type.equals("task.progress") ? EventCategory.THINKING : EventCategory.SYSTEM;
    }

    @Override
    public String entityType() {
        return "task";
    }

    @Override
    public String entityId() {
        return taskId.toString();
    }

    @Override
    public UUID taskId() {
        return taskId;
    }

    @Override
    public Map<String, Object> payload() {
        return change;
    }

    @Override
    public Object auditAfter() {
        return change;
    }
}
