package ai.revo.missioncontrol.sites;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code site.event.processed}: a stored site event became a contact (and a lead when new) and a timeline entry. */
public record SiteEventProcessed(
        UUID tenantId,
        UUID eventId,
        UUID siteId,
        String siteName,
        String eventType,
        UUID contactId,
        UUID leadId,
        boolean newContact,
        Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "site.event.processed";
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
        payload.put("eventType", eventType);
        payload.put("contactId", contactId.toString());
        if (leadId != null) {
            payload.put("leadId", leadId.toString());
        }
        payload.put("newContact", newContact);
        return payload;
    }
}
