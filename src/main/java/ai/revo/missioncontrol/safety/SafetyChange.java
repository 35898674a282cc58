package ai.revo.missioncontrol.safety;

import java.util.Map;
import java.util.Optional;

/** A partial update of the safety settings: only what is present changes. */
public record SafetyChange(
        Optional<Boolean> dryRunMode, Optional<Boolean> globalPause, Map<Channel, Boolean> channels) {

    public SafetyChange {
        dryRunMode = dryRunMode == null ? Optional.empty() : dryRunMode;
        globalPause = globalPause == null ? Optional.empty() : globalPause;
        channels = channels == null ? Map.of() : Map.copyOf(channels);
    }
}
