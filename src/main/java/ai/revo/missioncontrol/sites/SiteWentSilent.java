package ai.revo.missioncontrol.sites;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code site.went_silent}: nothing arrived from a site for longer than its silentAfter; it is SILENT. */
public record SiteWentSilent(
        UUID tenantId, UUID siteId, String name, java.time.Instant lastEventAt, long silentAfterMinutes, Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "site.went_silent";
    }

    @Override
    public EventCategory category() {
        return EventCategory.ERROR;
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
        payload.put("lastEventAt", String.valueOf(lastEventAt));
        payload.put("silentAfterMinutes", silentAfterMinutes);
        return payload;
    }
}
