package ai.revo.missioncontrol.outbound;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A person decided about an UNKNOWN message: {@code outbound.marked_sent} (it did go out, now SENT) or
 * {@code outbound.sent_again} (it is sent once more: by the gateway under the key {@code <key>:again}, or, for the
 * email module's messages, by that module's next attempt). Audited with the state before and after.
 */
public record OutboundResolved(UUID tenantId, OutboundView before, OutboundView message, Actor actor)
        implements MissionEvent {

    public boolean markedSent() {
        return "MARKED_SENT".equals(message.resolution());
    }

    @Override
    public String type() {
        return markedSent() ? "outbound.marked_sent" : "outbound.sent_again";
    }

    @Override
    public EventCategory category() {
        return EventCategory.OUTBOUND;
    }

    @Override
    public String entityType() {
        return "outbound_message";
    }

    @Override
    public String entityId() {
        return message.id().toString();
    }

    @Override
    public UUID campaignId() {
        return message.campaignId();
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("channel", message.channel().name());
        payload.put("to", message.to());
        payload.put("status", message.status().name());
        payload.put("resolution", message.resolution());
        payload.put("idempotencyKey", message.idempotencyKey());
        return payload;
    }

    @Override
    public Object auditBefore() {
        return Map.of("status", before.status().name());
    }

    @Override
    public Object auditAfter() {
        return Map.of("status", message.status().name(), "resolution", message.resolution());
    }
}
