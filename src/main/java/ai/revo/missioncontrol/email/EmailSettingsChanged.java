package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code email.settings_changed}: a campaign's send window or sender address changed. */
public record EmailSettingsChanged(UUID tenantId, EmailSettings settings, Actor actor) implements MissionEvent {

    @Override
    public String type() {
        return "email.settings_changed";
    }

    @Override
    public EventCategory category() {
        return EventCategory.SYSTEM;
    }

    @Override
    public String entityType() {
        return "campaign";
    }

    @Override
    public String entityId() {
        return settings.campaignId().toString();
    }

    @Override
    public UUID campaignId() {
        return settings.campaignId();
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put(
                "sendWindow",
                settings.sendWindow() == null
                        ? null
                        : Map.of(
                                "days",
                                settings.sendWindow().days(),
                                "start",
                                settings.sendWindow().start(),
                                "end",
                                settings.sendWindow().end()));
        payload.put("fromEmail", settings.fromEmail());
        return payload;
    }

    @Override
    public Object auditAfter() {
        return payload();
    }
}
