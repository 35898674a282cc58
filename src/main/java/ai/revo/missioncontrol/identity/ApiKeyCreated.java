package ai.revo.missioncontrol.identity;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code api_key.created}: a user created a personal access token (never carries the token or its hash). */
public record ApiKeyCreated(
        UUID tenantId, UUID apiKeyId, UUID userId, String name, List<String> scopes, Instant expiresAt, Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "api_key.created";
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
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("name", name);
        payload.put("scopes", scopes);
        payload.put("expiresAt", expiresAt == null ? "never" : expiresAt.toString());
        return payload;
    }

    @Override
    public Object auditAfter() {
        return payload();
    }
}
