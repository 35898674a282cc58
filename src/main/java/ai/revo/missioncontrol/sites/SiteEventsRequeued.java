package ai.revo.missioncontrol.sites;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code site.events.requeued}: a person queued a site's events of a time range (and status) to be processed again. */
public record SiteEventsRequeued(
        UUID tenantId,
        UUID siteId,
        String name,
        int count,
        Instant from,
        Instant to,
        SiteEventStatus status,
        Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "site.events.requeued";
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
        payload.put("count", count);
        payload.put("from", String.valueOf(from));
        payload.put("to", String.valueOf(to));
        payload.put("status", status == null ? "ANY" : status.name());
        return payload;
    }

    @Override
    public Object auditAfter() {
        return payload();
    }
}
