package ai.revo.missioncontrol.identity;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code user.added}, {@code user.invited}, {@code user.role_changed}, {@code user.deactivated},
 * {@code user.activated} or {@code user.invitation_accepted}: a change to who may do what in a workspace.
 */
public record UserChanged(UUID tenantId, String type, UserView before, UserView after, Actor actor)
        implements MissionEvent {

    @Override
    public EventCategory category() {
        return EventCategory.SYSTEM;
    }

    @Override
    public String entityType() {
        return "user";
    }

    @Override
    public String entityId() {
        return after.id().toString();
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("email", after.email());
        payload.put("role", after.role().name());
        payload.put("status", after.status());
        if (before != null && before.role() != after.role()) {
            payload.put("previousRole", before.role().name());
        }
        return payload;
    }

    @Override
    public Object auditBefore() {
        return before == null ? null : Map.of("role", before.role().name(), "status", before.status());
    }

    @Override
    public Object auditAfter() {
        return Map.of("email", after.email(), "role", after.role().name(), "status", after.status());
    }
}
