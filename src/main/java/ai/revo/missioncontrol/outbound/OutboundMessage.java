package ai.revo.missioncontrol.outbound;

import java.util.UUID;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.safety.Channel;

/**
 * A message to hand to the outside world. {@code idempotencyKey} identifies it: submitting the same key again
 * returns the first outcome and never sends twice.
 */
public record OutboundMessage(Channel channel, String to, String subject, String body, UUID campaignId, UUID leadId,
        UUID draftId, String idempotencyKey, Actor requestedBy) {
}
