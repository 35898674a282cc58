package ai.revo.missioncontrol.safety;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A safety switch changed: {@code safety.dry_run.toggled}, {@code safety.channel_toggled} (with the channel) or
 * {@code safety.global_pause.toggled}.
 */
public record SafetyToggled(UUID tenantId, String type, Channel channel, boolean before, boolean enabled, Actor actor)
        implements MissionEvent {

    static final String DRY_RUN = "safety.dry_run.toggled";
    static final String CHANNEL = "safety.channel_toggled";
    static final String GLOBAL_PAUSE = "safety.global_pause.toggled";

    @Override
    public EventCategory category() {
        return EventCategory.SAFETY;
    }

    @Override
    public String entityType() {
        return "safety_settings";
    }

    @Override
    public String entityId() {
        return tenantId.toString();
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        if (channel != null) {
            payload.put("channel", channel.name());
        }
        payload.put("enabled", enabled);
        return payload;
    }

    @Override
    public Object auditBefore() {
        return Map.of(field(), before);
    }

    @Override
    public Object auditAfter() {
        return Map.of(field(), enabled);
    }

    private String field() {
        return switch (type) {
            case DRY_RUN -> "dryRunMode";
            case GLOBAL_PAUSE -> "globalPause";
            default -> "channels." + channel.name();
        };
    }
}
