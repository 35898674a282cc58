package ai.revo.missioncontrol.agents;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code agent.run.<step>}: a run was queued, started, succeeded, failed, went dead, was retried or overridden.
 */
public record AgentRunChanged(
        UUID tenantId,
        UUID runId,
        String agent,
        String step,
        AgentRunStatus status,
        int attempts,
        Map<String, Object> details,
        Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "agent.run." + step;
    }

    @Override
    public EventCategory category() {
        if (status == AgentRunStatus.FAILED || status == AgentRunStatus.DEAD) {
            return EventCategory.ERROR;
        }
        return status == AgentRunStatus.RUNNING ? EventCategory.THINKING : EventCategory.SYSTEM;
    }

    @Override
    public String entityType() {
        return "agent_run";
    }

    @Override
    public String entityId() {
        return runId.toString();
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("agent", agent);
        payload.put("status", status.name());
        payload.put("attempts", attempts);
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
