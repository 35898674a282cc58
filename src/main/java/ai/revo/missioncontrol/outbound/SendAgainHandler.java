package ai.revo.missioncontrol.outbound;

/**
 * Implemented by a module that hands messages to the gateway through its own pipeline (queue, windows, caps,
 * attempt log) and therefore sends an UNKNOWN message again itself, as its next attempt, when a person chooses
 * "send again" (it listens to {@link OutboundResolved}). Messages no handler claims are sent again by the gateway.
 */
public interface SendAgainHandler {

    /** Whether this module sends {@code message} again itself. Must be cheap and side-effect free. */
    boolean sendsAgainItself(OutboundView message);
}
