package ai.revo.missioncontrol.conversations;

import ai.revo.missioncontrol.safety.Channel;
import java.time.Instant;
import java.util.UUID;

/**
 * One message of a thread. For an email we sent, {@code status} and {@code statusReason} are the email's own, read
 * when asked (PENDING_SEND, SENDING, SENT, SIMULATED, BLOCKED, FAILED, BOUNCED); a message received is RECEIVED.
 * {@code answersEmailId} is the email a reply answers.
 */
public record MessageView(
        UUID id,
        UUID conversationId,
        Direction direction,
        Channel channel,
        String subject,
        String bodyText,
        String sender,
        String recipient,
        UUID emailId,
        UUID answersEmailId,
        String status,
        String statusReason,
        String authorName,
        Instant occurredAt) {}
