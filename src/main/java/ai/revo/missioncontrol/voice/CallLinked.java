package ai.revo.missioncontrol.voice;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code call.contact_linked}: the caller of a call is a golden-record contact (new or known), with a lead in the site's campaign when there is one. */
public record CallLinked(
        UUID tenantId, UUID callId, UUID siteId, UUID contactId, UUID leadId, boolean newContact, Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "call.contact_linked";
    }

    @Override
    public EventCategory category() {
        return EventCategory.INBOUND;
    }

    @Override
    public String entityType() {
        return "call";
    }

    @Override
    public String entityId() {
        return callId.toString();
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("siteId", siteId.toString());
        payload.put("contactId", contactId.toString());
        if (leadId != null) {
            payload.put("leadId", leadId.toString());
        }
        payload.put("newContact", newContact);
        return payload;
    }
}
