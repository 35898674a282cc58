package ai.revo.missioncontrol.sites;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code site.event.failed}: a stored site event could not be processed; the error says why, and it can be reprocessed. */
public record SiteEventFailed(UUID tenantId, UUID eventId, UUID siteId, String siteName, String error, Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "site.event.failed";
    }

    @Override
    public EventCategory category() {
        return EventCategory.ERROR;
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
        payload.put("site", siteName);
        payload.put("error", error);
        return payload;
    }
}
