package ai.revo.missioncontrol.voice;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code call.status_changed}: Vapi reported a new status of a call (queued, ringing, in-progress, forwarding, ended). */
public record CallStatusChanged(
        UUID tenantId, UUID callId, UUID siteId, String providerCallId, String status, Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "call.status_changed";
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
        payload.put("providerCallId", providerCallId);
        payload.put("status", status);
        return payload;
    }
}
