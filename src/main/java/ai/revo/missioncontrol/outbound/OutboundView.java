package ai.revo.missioncontrol.outbound;

import ai.revo.missioncontrol.safety.Channel;
import java.time.Instant;
import java.util.UUID;

/** A message in the outbound log: exactly what was simulated, blocked or sent, and why. */
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
        Instant sentAt) {}
