package ai.revo.missioncontrol.outbound;

import ai.revo.missioncontrol.safety.Channel;

/**
 * Whether a channel can send for a workspace right now, as the gateway would decide it.
 *
 * @param state READY (switched on and configured), SWITCHED_OFF (on the Safety page), NOT_CONFIGURED (the adapter
 *     lacks credentials or a sender), NOT_AVAILABLE (this product has no adapter for it yet)
 */
public record ChannelStatus(Channel channel, State state) {

    public enum State {
        READY,
        SWITCHED_OFF,
        NOT_CONFIGURED,
        NOT_AVAILABLE
    }

    public boolean canSend() {
        return state == State.READY;
    }
}
