package ai.revo.missioncontrol.sites;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code site.data_resumed}: an event arrived from a SILENT or ERROR site; it is CONNECTED again. */
public record SiteDataResumed(
        UUID tenantId, UUID siteId, String name, SiteStatus was, java.time.Instant at, Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "site.data_resumed";
    }

    @Override
    public EventCategory category() {
        return EventCategory.INBOUND;
    }

    @Override
    public String entityType() {
        return "site";
    }

    @Override
    public String entityId() {
        return siteId.toString();
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("siteId", siteId.toString());
        payload.put("name", name);
        payload.put("was", was.name());
        return payload;
    }
}
