package ai.revo.missioncontrol.outbound;

/**
 * Thrown by an adapter when the provider refused a message for a reason the gateway records as a status of its own
 * (for example {@link OutboundStatus#BLOCKED_OUTSIDE_WINDOW}, or {@link OutboundStatus#BLOCKED_NOT_CONFIGURED} when
 * the account's token was rejected) rather than a plain FAILED. The message says why, for a person.
 */
public class ProviderRefusal extends Exception {

    private final OutboundStatus status;

    public ProviderRefusal(OutboundStatus status, String message) {
        super(message);
        this.status = status;
    }

    public OutboundStatus status() {
        return status;
    }
}
