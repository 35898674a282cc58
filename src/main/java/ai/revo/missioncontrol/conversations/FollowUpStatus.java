package ai.revo.missioncontrol.conversations;

/**
 * A snoozed person's follow-up: SCHEDULED (waits for its day), CANCELLED (they wrote again first), then, when due, as
 * an AI reply: AWAITING_APPROVAL, SENT, DISCARDED, REJECTED, NOT_WRITTEN (e.g. no model configured) or FAILED.
 */
public enum FollowUpStatus {
    SCHEDULED,
    CANCELLED,
    AWAITING_APPROVAL,
    SENT,
    DISCARDED,
    REJECTED,
    NOT_WRITTEN,
    FAILED
}
