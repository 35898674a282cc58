package ai.revo.missioncontrol.privacy;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code privacy.contact_exported} or {@code privacy.contact_erased}: a privacy request was carried out for a
 * contact. Carries only the contact's id, the keyed hash that replaced their data and what was done, never the data.
 */
public record PrivacyEvent(UUID tenantId, String type, UUID contactId, String subjectHash, int sections, Actor actor)
        implements MissionEvent {

    @Override
    public EventCategory category() {
        return EventCategory.SYSTEM;
    }

    @Override
    public String entityType() {
        return "contact";
    }

    @Override
    public String entityId() {
        return contactId.toString();
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("subject", "erased:" + subjectHash);
        payload.put("modules", sections);
        return payload;
    }

    @Override
    public Object auditAfter() {
        return payload();
    }
}
