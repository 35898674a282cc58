package ai.revo.missioncontrol.conversations;

/**
 * Where a conversation stands: TO_ANSWER when the person wrote last and nobody has answered, OPEN when we have (or
 * nothing waits), CLOSED when a person closed it. A new message from the person reopens it as TO_ANSWER.
 */
public enum ConversationStatus {
    OPEN,
    TO_ANSWER,
    /** A person took the conversation over from the AI; it stays theirs until they hand it back. */
    HUMAN,
    CLOSED
}
