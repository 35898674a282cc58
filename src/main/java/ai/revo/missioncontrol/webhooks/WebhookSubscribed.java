package ai.revo.missioncontrol.webhooks;

import ai.revo.missioncontrol.platform.Actor;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code webhook.subscription.created}: a URL was subscribed to event types; its secret was shown once. */
public record WebhookSubscribed(UUID tenantId, UUID subscriptionId, String url, List<String> eventTypes, Actor actor)
        implements WebhookEvent {

    @Override
    public String type() {
        return "webhook.subscription.created";
    }

    @Override
    public Map<String, Object> facts() {
        return Map.of("eventTypes", eventTypes);
    }
}
