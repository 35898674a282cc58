package ai.revo.missioncontrol.identity;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.Map;
import java.util.UUID;

/**
 * {@code workspace.created}: a new workspace with its first admin. Published in the transaction that creates it,
 * so modules that give every workspace its defaults (agents, jobs) can add them in the same transaction.
 */
public record WorkspaceCreated(UUID tenantId, String name, Actor actor) implements MissionEvent {

    @Override
    public String type() {
        return "workspace.created";
    }

    @Override
    public EventCategory category() {
        return EventCategory.SYSTEM;
    }

    @Override
    public String entityType() {
        return "workspace";
    }

    @Override
    public String entityId() {
        return tenantId.toString();
    }

    @Override
    public Map<String, Object> payload() {
        return Map.of("name", name);
    }

    @Override
    public Object auditAfter() {
        return payload();
    }
}
