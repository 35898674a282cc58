package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The workspace's inbound email webhook was connected, had its credential replaced, or was disconnected. Carries
 * the provider and the password's last four characters, never the password.
 */
public record InboundEmailSettingsChanged(
        UUID tenantId, String change, String provider, String passwordLastFour, Instant changedAt, Actor actor)
        implements MissionEvent {

    public static final String CONNECTED = "connected";
    public static final String ROTATED = "rotated";
    public static final String DISCONNECTED = "disconnected";

    @Override
    public String type() {
        return "settings.email_inbound." + change;
    }

    @Override
    public EventCategory category() {
        return EventCategory.SYSTEM;
    }

    @Override
    public String entityType() {
        return "settings";
    }

    @Override
    public String entityId() {
        return "email-inbound";
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("provider", provider);
        if (passwordLastFour != null) {
            m.put("passwordLastFour", passwordLastFour);
        }
        m.put("changedAt", changedAt.toString());
        return m;
    }

    @Override
    public Object auditAfter() {
        return DISCONNECTED.equals(change) ? null : payload();
    }
}
