package ai.revo.missioncontrol.voice;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code call.callback_requested}: the caller asked to be called back (the book_callback tool), with the time and note they gave. */
public record CallbackRequested(UUID tenantId, UUID callId, UUID siteId, String at, String note, Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "call.callback_requested";
    }

    @Override
    public EventCategory category() {
        return EventCategory.INBOUND;
    }

    @Override
    public String entityType() {
        return "call";
    }

    @Override
    public String entityId() {
        return callId.toString();
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("siteId", siteId.toString());
        if (at != null) {
            payload.put("at", at);
        }
        if (note != null) {
            payload.put("note", note);
        }
        return payload;
    }
}
