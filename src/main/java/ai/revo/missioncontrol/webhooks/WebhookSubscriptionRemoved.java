package ai.revo.missioncontrol.webhooks;

import ai.revo.missioncontrol.platform.Actor;
import java.util.UUID;

/** {@code webhook.subscription.removed}: the subscription and its delivery log are gone. */
public record WebhookSubscriptionRemoved(UUID tenantId, UUID subscriptionId, String url, Actor actor)
        implements WebhookEvent {

    @Override
    public String type() {
        return "webhook.subscription.removed";
    }
}
