package ai.revo.missioncontrol.webhooks;

import ai.revo.missioncontrol.platform.Actor;
import java.util.Map;
import java.util.UUID;

/** {@code webhook.secret_rotated}: a new signing secret, shown once; the previous one also signs until previousValidUntil. */
public record WebhookSecretRotated(
        UUID tenantId,
        UUID subscriptionId,
        String url,
        String lastFour,
        java.time.Instant previousValidUntil,
        Actor actor)
        implements WebhookEvent {

    @Override
    public String type() {
        return "webhook.secret_rotated";
    }

    @Override
    public Map<String, Object> facts() {
        return Map.of("lastFour", lastFour, "previousValidUntil", String.valueOf(previousValidUntil));
    }
}
