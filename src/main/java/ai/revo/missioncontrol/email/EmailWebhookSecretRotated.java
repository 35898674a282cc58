package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** The workspace's email webhook secret was replaced; carries when, never the secret itself. */
public record EmailWebhookSecretRotated(UUID tenantId, Instant rotatedAt, Actor actor) implements MissionEvent {

    @Override
    public String type() {
        return "settings.email_webhook_secret.rotated";
    }

    @Override
    public EventCategory category() {
        return EventCategory.SYSTEM;
    }

    @Override
    public String entityType() {
        return "settings";
    }

    @Override
    public String entityId() {
        return "email-webhooks";
    }

    @Override
    public Map<String, Object> payload() {
        return Map.of("rotatedAt", rotatedAt.toString());
    }

    @Override
    public Object auditAfter() {
        return Map.of("rotatedAt", rotatedAt.toString());
    }
}
