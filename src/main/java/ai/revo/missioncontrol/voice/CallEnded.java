package ai.revo.missioncontrol.voice;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code call.ended}: the end-of-call report of a call arrived (once per call): its log is complete. */
public record CallEnded(
        UUID tenantId,
        UUID callId,
        UUID siteId,
        String providerCallId,
        String callerNumber,
        Long durationSeconds,
        String endedReason,
        Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "call.ended";
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
        if (callerNumber != null) {
            payload.put("caller", callerNumber);
        }
        if (durationSeconds != null) {
            payload.put("durationSeconds", durationSeconds);
        }
        if (endedReason != null) {
            payload.put("endedReason", endedReason);
        }
        return payload;
    }
}
