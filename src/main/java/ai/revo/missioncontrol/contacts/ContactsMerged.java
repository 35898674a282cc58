package ai.revo.missioncontrol.contacts;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code contact.batch_merged}: a batch of rows (an import) created and updated contacts and enrolled leads. One
 * event per batch instead of one per contact, so a 100,000-row import does not flood the feed.
 */
public record ContactsMerged(UUID tenantId, int created, int updated, int enrolled, UUID campaignId, Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "contact.batch_merged";
    }

    @Override
    public EventCategory category() {
        return EventCategory.INBOUND;
    }

    @Override
    public String entityType() {
        return "contact";
    }

    @Override
    public String entityId() {
        return "batch";
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("created", created);
        payload.put("updated", updated);
        payload.put("enrolled", enrolled);
        if (campaignId != null) {
            payload.put("campaignId", campaignId.toString());
        }
        return payload;
    }

    @Override
    public Object auditAfter() {
        return payload();
    }
}
