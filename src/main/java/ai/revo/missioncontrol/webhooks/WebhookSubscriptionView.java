package ai.revo.missioncontrol.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A subscription as the API and the page show it; never its secret (only the last four characters). {@code status}
 * is ACTIVE or DISABLED; {@code lastStatus} the outcome of the latest delivery (DELIVERED, RETRYING, FAILED).
 */
public record WebhookSubscriptionView(
        UUID id,
        String url,
        String description,
        List<String> eventTypes,
        String status,
        String disabledReason,
        String secretLastFour,
        Instant previousSecretValidUntil,
        Instant lastDeliveryAt,
        String lastStatus,
        Instant createdAt,
        Instant updatedAt) {}
