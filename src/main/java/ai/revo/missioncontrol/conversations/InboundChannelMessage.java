package ai.revo.missioncontrol.conversations;

import ai.revo.missioncontrol.safety.Channel;
import java.time.Instant;
import java.util.UUID;

/**
 * A message a person sent on a channel other than email (WhatsApp), to file into the conversation of their contact,
 * campaign and channel. {@code providerMessageId} makes filing it idempotent; {@code payload} is the provider's
 * message object as JSON; {@code text} what a person reads (the text, the button's title, "[image] caption"...).
 */
public record InboundChannelMessage(
        Channel channel,
        UUID contactId,
        UUID campaignId,
        UUID leadId,
        String participant,
        String type,
        String text,
        String payload,
        String providerMessageId,
        Instant occurredAt) {}
