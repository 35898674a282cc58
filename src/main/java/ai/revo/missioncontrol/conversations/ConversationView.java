package ai.revo.missioncontrol.conversations;

import java.time.Instant;
import java.util.UUID;

/**
 * A conversation as the inbox lists it. {@code unread} is for the user who asked: a message from the person
 * arrived after they last opened it. {@code contactName} and {@code campaignName} are null when unknown. On WhatsApp
 * {@code phoneNumber} is the person's number and {@code windowEndsAt} when their 24-hour customer-care window ends
 * (free text may be sent until then); {@code assignee} is who took it over (status HUMAN).
 */
public record ConversationView(
        UUID id,
        UUID contactId,
        String contactName,
        UUID campaignId,
        String campaignName,
        UUID leadId,
        String participant,
        String subject,
        ConversationStatus status,
        String lastPreview,
        int messageCount,
        Instant lastMessageAt,
        Instant lastInboundAt,
        boolean unread,
        Instant createdAt,
        ai.revo.missioncontrol.safety.Channel channel,
        String phoneNumber,
        UUID assigneeId,
        String assignee,
        Instant windowEndsAt) {}
