package ai.revo.missioncontrol.outbound;

/**
 * What became of a message. PENDING and SENDING are in flight; every other status is final for the gateway.
 * UNKNOWN: the provider call started but its outcome was never recorded (the node died mid-send); it may or may not
 * have gone out, and waits for a person to mark it sent or send it again.
 */
public enum OutboundStatus {
    PENDING,
    SENDING,
    SIMULATED,
    BLOCKED_PAUSED,
    BLOCKED_SUSPENDED,
    BLOCKED_SANDBOX,
    BLOCKED_CHANNEL_OFF,
    BLOCKED_SUPPRESSED,
    BLOCKED_NOT_CONFIGURED,
    BLOCKED_LIMIT,
    /** WhatsApp: free text to a person who has not written within 24 hours (only a template may go). */
    BLOCKED_OUTSIDE_WINDOW,
    /** WhatsApp: a template that is not synced as APPROVED, or sent with the wrong number of parameters. */
    BLOCKED_TEMPLATE,
    SENT,
    FAILED,
    UNKNOWN;

    public boolean isFinal() {
        return this != PENDING && this != SENDING;
    }

    public boolean isBlocked() {
        return name().startsWith("BLOCKED_");
    }
}
