package ai.revo.missioncontrol.sites;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code site.edited}: a person changed a site's details, campaign, silence threshold or mapping. */
public record SiteEdited(
        UUID tenantId, UUID siteId, String name, Map<String, Object> before, Map<String, Object> after, Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "site.edited";
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
        payload.put("changed", after.keySet());
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
