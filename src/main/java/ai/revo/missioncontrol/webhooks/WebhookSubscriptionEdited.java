package ai.revo.missioncontrol.webhooks;

import ai.revo.missioncontrol.platform.Actor;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code webhook.subscription.edited}: the URL, description or event types of a subscription changed. */
public record WebhookSubscriptionEdited(
        UUID tenantId, UUID subscriptionId, String url, List<String> eventTypes, Actor actor) implements WebhookEvent {

    @Override
    public String type() {
        return "webhook.subscription.edited";
    }

    @Override
    public Map<String, Object> facts() {
        return Map.of("eventTypes", eventTypes);
    }
}
