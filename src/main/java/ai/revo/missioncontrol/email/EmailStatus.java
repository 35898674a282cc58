package ai.revo.missioncontrol.email;

/**
 * Where an email is. PENDING_SEND: queued (also while it waits for its send window or a cap); SENDING: an attempt
 * is in flight; SENT: the SMTP server accepted it; SIMULATED: dry run, nothing left; BLOCKED: the gateway refused
 * it (pause, channel off, suppressed, not configured); FAILED: retries used up or a permanent failure; BOUNCED: a
 * bounce arrived after it was sent; UNKNOWN: an attempt's SMTP conversation started and its outcome was never
 * recorded (the node stopped), so it may or may not have arrived: a person marks it sent or sends it again.
 */
public enum EmailStatus {
    PENDING_SEND,
    SENDING,
    SENT,
    SIMULATED,
    BLOCKED,
    FAILED,
    BOUNCED,
    UNKNOWN
}
