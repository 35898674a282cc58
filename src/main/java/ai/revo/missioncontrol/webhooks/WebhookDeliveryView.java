package ai.revo.missioncontrol.webhooks;

import java.time.Instant;
import java.util.UUID;

/**
 * One event handed to a subscription (or a test event): {@code webhookId} is the {@code webhook-id} header, the same on
 * every attempt and resend so a receiver can drop duplicates; status PENDING, RETRYING (next attempt at
 * {@code nextAttemptAt}), DELIVERED or FAILED; the latest attempt's response code, latency and error.
 */
public record WebhookDeliveryView(
        UUID id,
        UUID subscriptionId,
        String webhookId,
        Long eventSeq,
        String eventType,
        boolean test,
        String status,
        int attempts,
        Integer responseCode,
        String responseExcerpt,
        String error,
        Long latencyMs,
        Instant firstAttemptAt,
        Instant lastAttemptAt,
        Instant nextAttemptAt,
        Instant deliveredAt,
        Instant createdAt) {}
