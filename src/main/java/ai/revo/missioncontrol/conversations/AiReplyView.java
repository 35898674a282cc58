package ai.revo.missioncontrol.conversations;

import java.time.Instant;
import java.util.UUID;

/**
 * The AI's reply to one message of a person ({@code messageId}): its status, the draft it waits in ({@code draftId},
 * null when none was written), our message in the thread once sent ({@code sentMessageId}) and why, in words a
 * person reads ({@code reason}, null when there is nothing to explain).
 */
public record AiReplyView(
        UUID id,
        UUID conversationId,
        UUID messageId,
        AiReplyStatus status,
        UUID draftId,
        UUID sentMessageId,
        String reason,
        Instant createdAt,
        Instant updatedAt) {}
