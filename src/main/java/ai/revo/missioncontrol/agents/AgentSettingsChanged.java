package ai.revo.missioncontrol.agents;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.Map;
import java.util.UUID;

/** {@code agent.settings.changed}: an admin changed what agents may auto-approve or where the brief goes. */
public record AgentSettingsChanged(UUID tenantId, AgentSettingsView before, AgentSettingsView after, Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "agent.settings.changed";
    }

    @Override
    public EventCategory category() {
        return EventCategory.SAFETY;
    }

    @Override
    public String entityType() {
        return "agent_settings";
    }

    @Override
    public String entityId() {
        return tenantId.toString();
    }

    @Override
    public Map<String, Object> payload() {
        return Map.of(
                "autoApprove",
                after.autoApprove(),
                "briefChannel",
                after.briefChannel() == null ? "" : after.briefChannel().name(),
                "researchEnrolLimit",
                after.researchEnrolLimit(),
                "researchNeedsConfirmation",
                after.researchNeedsConfirmation());
    }

    @Override
    public Object auditBefore() {
        return before;
    }

    @Override
    public Object auditAfter() {
        return after;
    }
}
