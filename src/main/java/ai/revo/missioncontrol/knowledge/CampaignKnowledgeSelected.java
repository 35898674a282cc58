package ai.revo.missioncontrol.knowledge;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code knowledge.campaign.selected}: the knowledge sources a campaign draws on were chosen. */
public record CampaignKnowledgeSelected(
        UUID tenantId, UUID campaignId, boolean everyWorkspaceSource, List<UUID> attachedSourceIds, Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "knowledge.campaign.selected";
    }

    @Override
    public EventCategory category() {
        return EventCategory.SYSTEM;
    }

    @Override
    public String entityType() {
        return "campaign";
    }

    @Override
    public String entityId() {
        return campaignId.toString();
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("everyWorkspaceSource", everyWorkspaceSource);
        payload.put(
                "workspaceSources",
                everyWorkspaceSource ? "every workspace source" : "only the attached workspace sources");
        payload.put("attached", attachedSourceIds.size());
        payload.put(
                "attachedSourceIds",
                attachedSourceIds.stream().map(UUID::toString).toList());
        return payload;
    }

    @Override
    public Object auditAfter() {
        return payload();
    }
}
