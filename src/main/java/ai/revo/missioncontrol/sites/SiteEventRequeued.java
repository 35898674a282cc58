package ai.revo.missioncontrol.sites;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code site.event.requeued}: a stored site event was queued to be processed again (attempt). */
public record SiteEventRequeued(UUID tenantId, UUID eventId, UUID siteId, int attempt, Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "site.event.requeued";
    }

    @Override
    public EventCategory category() {
        return EventCategory.SYSTEM;
    }

    @Override
    public String entityType() {
        return "site_event";
    }

    @Override
    public String entityId() {
        return eventId.toString();
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("siteId", siteId.toString());
        payload.put("attempt", attempt);
        return payload;
    }

    @Override
    public Object auditAfter() {
        return payload();
    }
}
