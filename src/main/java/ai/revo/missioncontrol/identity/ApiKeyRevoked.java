package ai.revo.missioncontrol.identity;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.Map;
import java.util.UUID;

/** {@code api_key.revoked}: a personal access token stopped working. */
public record ApiKeyRevoked(UUID tenantId, UUID apiKeyId, UUID userId, String name, Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "api_key.revoked";
    }

    @Override
    public EventCategory category() {
        return EventCategory.SYSTEM;
    }

    @Override
    public String entityType() {
        return "api_key";
    }

    @Override
    public String entityId() {
        return apiKeyId.toString();
    }

    @Override
    public Map<String, Object> payload() {
        return Map.of("name", name);
    }

    @Override
    public Object auditBefore() {
        return Map.of("name", name, "status", "ACTIVE");
    }

    @Override
    public Object auditAfter() {
        return Map.of("name", name, "status", "REVOKED");
    }
}
