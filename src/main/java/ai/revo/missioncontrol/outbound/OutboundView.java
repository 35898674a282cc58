package ai.revo.missioncontrol.outbound;

import ai.revo.missioncontrol.safety.Channel;
import java.time.Instant;
import java.util.UUID;

/**
 * A message in the outbound log: exactly what was simulated, blocked or sent, and why. {@code resolution} is what a
 * person decided about an UNKNOWN message: MARKED_SENT (status SENT) or SENT_AGAIN (it stays UNKNOWN, and a new
 * message with the key {@code <key>:again} carries the new attempt, or the email module's next attempt does).
 * {@code deliveryStatus} is the provider's latest receipt (SENT, DELIVERED, READ, FAILED; WhatsApp), null before one.
 */
public record OutboundView(
        UUID id,
        String idempotencyKey,
        Channel channel,
        String to,
        String subject,
        String body,
        UUID campaignId,
        UUID leadId,
        UUID draftId,
        OutboundStatus status,
        String reason,
        String providerMessageId,
        String providerResponse,
        String requestedBy,
        Instant createdAt,
        Instant decidedAt,
        Instant sentAt,
        String resolution,
        String resolvedBy,
        Instant resolvedAt,
        String deliveryStatus,
        String deliveryError,
        Instant deliveredAt,
        Instant readAt) {

    /** Whether the outcome is UNKNOWN and nobody has decided about it yet (mark it sent, or send it again). */
    public boolean awaitsDecision() {
        return status == OutboundStatus.UNKNOWN && resolution == null;
    }
}
