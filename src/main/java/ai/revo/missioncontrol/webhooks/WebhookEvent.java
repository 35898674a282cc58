package ai.revo.missioncontrol.webhooks;

import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** What the {@code webhook.*} events share: they are about one subscription, and what the feed shows is audited. */
public sealed interface WebhookEvent extends MissionEvent
        permits WebhookSubscribed,
                WebhookSubscriptionEdited,
                WebhookSubscriptionDisabled,
                WebhookSubscriptionEnabled,
                WebhookSubscriptionRemoved,
                WebhookSecretRotated {

    UUID subscriptionId();

    String url();

    /** The facts of this event beyond the subscription and its URL. */
    default Map<String, Object> facts() {
        return Map.of();
    }

    @Override
    default EventCategory category() {
        return EventCategory.SYSTEM;
    }

    @Override
    default String entityType() {
        return "webhook";
    }

    @Override
    default String entityId() {
        return subscriptionId().toString();
    }

    @Override
    default Map<String, Object> payload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("subscriptionId", subscriptionId().toString());
        payload.put("url", url());
        payload.putAll(facts());
        return payload;
    }

    @Override
    default Object auditAfter() {
        return payload();
    }
}
