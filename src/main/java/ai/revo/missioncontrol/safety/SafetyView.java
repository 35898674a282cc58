package ai.revo.missioncontrol.safety;

import java.time.Instant;
import java.util.Map;

/** The safety settings exactly as the API answers them. */
public record SafetyView(
        boolean dryRunMode, boolean globalPause, Map<Channel, Boolean> channels, Instant updatedAt, String updatedBy) {

    public boolean channelEnabled(Channel channel) {
        return Boolean.TRUE.equals(channels.get(channel));
    }
}
