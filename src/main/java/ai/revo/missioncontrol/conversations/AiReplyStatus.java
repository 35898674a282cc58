package ai.revo.missioncontrol.conversations;

/**
 * What became of the AI's reply to a person's message: waiting in the approval inbox, handed to the conversation to
 * send, discarded (a newer message arrived first, or a person took the conversation over), rejected by a reviewer,
 * not written at all (no model configured, the person asked not to be contacted ...) or failed (the model call).
 */
public enum AiReplyStatus {
    AWAITING_APPROVAL,
    SENT,
    DISCARDED,
    REJECTED,
    NOT_WRITTEN,
    FAILED
}
