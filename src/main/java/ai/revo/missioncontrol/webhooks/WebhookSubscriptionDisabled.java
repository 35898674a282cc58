package ai.revo.missioncontrol.webhooks;

import ai.revo.missioncontrol.platform.Actor;
import java.util.Map;
import java.util.UUID;

/** {@code webhook.subscription.disabled}: no more deliveries until it is enabled again: a person disabled it, or it kept failing. */
public record WebhookSubscriptionDisabled(UUID tenantId, UUID subscriptionId, String url, String reason, Actor actor)
        implements WebhookEvent {

    @Override
    public String type() {
        return "webhook.subscription.disabled";
    }

    @Override
    public Map<String, Object> facts() {
        return Map.of("reason", reason);
    }
}
