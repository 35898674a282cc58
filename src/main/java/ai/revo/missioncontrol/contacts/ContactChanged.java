package ai.revo.missioncontrol.contacts;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code contact.created} or {@code contact.updated}. */
public record ContactChanged(UUID tenantId, String type, ContactView before, ContactView after, Actor actor)
        implements MissionEvent {

    static ContactChanged of(TenantId tenant, String type, ContactView before, ContactView after, Actor actor) {
        return new ContactChanged(tenant.value(), type, before, after, actor);
    }

    @Override
    public EventCategory category() {
        return EventCategory.INBOUND;
    }

    @Override
    public String entityType() {
        return "contact";
    }

    @Override
    public String entityId() {
        return after.id().toString();
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        String name = ((after.firstName() == null ? "" : after.firstName()) + " "
                        + (after.lastName() == null ? "" : after.lastName()))
                .trim();
        if (!name.isEmpty()) {
            payload.put("name", name);
        }
        if (after.email() != null) {
            payload.put("email", after.email());
        }
        if (after.company() != null) {
            payload.put("company", after.company());
        }
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
