package ai.revo.missioncontrol.sites;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code site.secret_rotated}: a site got a new secret; the previous one verifies until previousValidUntil. */
public record SiteSecretRotated(
        UUID tenantId, UUID siteId, String name, String lastFour, java.time.Instant previousValidUntil, Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "site.secret_rotated";
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
        payload.put("lastFour", lastFour);
        payload.put("previousValidUntil", String.valueOf(previousValidUntil));
        return payload;
    }

    @Override
    public Object auditAfter() {
        return payload();
    }
}
