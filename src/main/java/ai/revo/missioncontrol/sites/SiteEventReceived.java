package ai.revo.missioncontrol.sites;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code site.event.received}: a site sent a request that passed its signature check; it is stored and queued. */
public record SiteEventReceived(
        UUID tenantId, UUID eventId, UUID siteId, String siteName, SiteEventStatus status, Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "site.event.received";
    }

    @Override
    public EventCategory category() {
        return EventCategory.INBOUND;
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
        payload.put("status", status.name());
        return payload;
    }
}
