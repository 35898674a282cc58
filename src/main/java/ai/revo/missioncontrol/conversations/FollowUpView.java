package ai.revo.missioncontrol.conversations;

import java.time.Instant;
import java.util.UUID;

/**
 * A follow-up of a conversation: due at {@code dueAt}, scheduled by the person's message {@code messageId} that asked
 * to be contacted later; {@code draftId} the re-engagement draft once written; {@code reason} why it stands as it does.
 */
public record FollowUpView(
        UUID id,
        UUID conversationId,
        UUID leadId,
        UUID messageId,
        Instant dueAt,
        FollowUpStatus status,
        UUID draftId,
        String reason,
        Instant createdAt,
        Instant updatedAt) {}
