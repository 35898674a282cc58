package ai.revo.missioncontrol.conversations;

import ai.revo.missioncontrol.safety.Channel;
import java.time.Instant;
import java.util.UUID;

/**
 * One message of a thread as the messages API shows it. {@code direction} INBOUND or OUTBOUND; {@code type} the
 * WhatsApp type (text, interactive, button, order, image, location, reaction, unsupported...; email messages are
 * text); {@code payload} the provider's message object as JSON (null for email); {@code status} RECEIVED for what the
 * person sent, else QUEUED until the gateway decided, then the outbound status (SENT, SIMULATED, BLOCKED_...,
 * FAILED) or the provider's receipt (DELIVERED, READ); {@code error} says why it was blocked or failed.
 */
public record ThreadMessage(
        UUID id,
        UUID conversationId,
        String direction,
        Channel channel,
        String type,
        String text,
        String payload,
        String providerMessageId,
        String status,
        String error,
        String authorName,
        Instant occurredAt,
        Instant createdAt) {}
