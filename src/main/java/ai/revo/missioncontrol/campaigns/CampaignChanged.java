package ai.revo.missioncontrol.campaigns;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code campaign.created}, {@code campaign.updated}, {@code campaign.activated}, {@code campaign.paused},
 * {@code campaign.completed} or {@code campaign.archived}.
 */
public record CampaignChanged(UUID tenantId, String type, CampaignView before, CampaignView after, Actor actor)
        implements MissionEvent {

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
        return after.id().toString();
    }

    @Override
    public UUID campaignId() {
        return after.id();
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("name", after.name());
        payload.put("status", after.status().name());
        if (before != null && before.status() != after.status()) {
            payload.put("previousStatus", before.status().name());
        }
        return payload;
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
