package ai.revo.missioncontrol.sites;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code site.resumed}: a person resumed a paused site. */
public record SiteResumed(UUID tenantId, UUID siteId, String name, SiteStatus status, Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "site.resumed";
    }

    @Override
    public EventCategory category() {
        return EventCategory.SYSTEM;
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
        payload.put("status", status.name());
        return payload;
    }

    @Override
    public Object auditAfter() {
        return payload();
    }
}
