package ai.revo.missioncontrol.sites;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code site.registered}: a site was registered with its ingest endpoint and secret. */
public record SiteRegistered(
        UUID tenantId, UUID siteId, String name, SiteAuth auth, String siteKey, UUID campaignId, Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "site.registered";
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
        payload.put("auth", auth.name());
        payload.put("siteKey", siteKey);
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
