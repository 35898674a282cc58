package ai.revo.missioncontrol.agents;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code agent.status_changed}: an agent was paused, resumed, started, finished or blocked. */
public record AgentStatusChanged(
        UUID tenantId, UUID agentId, String key, AgentStatus from, AgentStatus to, String reason, Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "agent.status_changed";
    }

    @Override
    public EventCategory category() {
        return EventCategory.SYSTEM;
    }

    @Override
    public String entityType() {
        return "agent";
    }

    @Override
    public String entityId() {
        return agentId.toString();
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("agent", key);
        payload.put("from", from.name());
        payload.put("to", to.name());
        if (reason != null) {
            payload.put("reason", reason);
        }
        return payload;
    }

    @Override
    public Object auditBefore() {
        return Map.of("status", from.name());
    }

    @Override
    public Object auditAfter() {
        return Map.of("status", to.name());
    }
}
