package ai.revo.missioncontrol.outbound;

/** What became of a message. PENDING and SENDING are in flight; every other status is final. */
public enum OutboundStatus {
    PENDING,
    SENDING,
    SIMULATED,
    BLOCKED_PAUSED,
    BLOCKED_CHANNEL_OFF,
    BLOCKED_SUPPRESSED,
    BLOCKED_NOT_CONFIGURED,
    SENT,
    FAILED;

    public boolean isFinal() {
        return this != PENDING && this != SENDING;
    }

    public boolean isBlocked() {
        return name().startsWith("BLOCKED_");
    }
}
