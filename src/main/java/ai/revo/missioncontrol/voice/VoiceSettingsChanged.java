package ai.revo.missioncontrol.voice;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code voice.settings.changed}: an admin changed a site's voice settings (assistant, tools, unavailable message). */
public record VoiceSettingsChanged(UUID tenantId, UUID siteId, String assistantId, List<String> tools, Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "voice.settings.changed";
    }

    @Override
    public EventCategory category() {
        return EventCategory.SYSTEM;
    }

    @Override
    public String entityType() {
        return "site";
    }

    @Override
    public String entityId() {
        return siteId.toString();
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("assistantId", assistantId);
        payload.put("tools", tools);
        return payload;
    }
}
