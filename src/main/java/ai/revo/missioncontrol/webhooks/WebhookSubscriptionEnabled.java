package ai.revo.missioncontrol.webhooks;

import ai.revo.missioncontrol.platform.Actor;
import java.util.UUID;

/** {@code webhook.subscription.enabled}: deliveries resume from the first event not yet delivered. */
public record WebhookSubscriptionEnabled(UUID tenantId, UUID subscriptionId, String url, Actor actor)
        implements WebhookEvent {

    @Override
    public String type() {
        return "webhook.subscription.enabled";
    }
}
