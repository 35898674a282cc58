package ai.revo.missioncontrol.conversations;

import java.time.Instant;
import java.util.UUID;

/**
 * A conversation as the inbox lists it. {@code unread} is for the user who asked: a message from the person
 * arrived after they last opened it. {@code contactName} and {@code campaignName} are null when unknown.
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
        Instant createdAt) {}
