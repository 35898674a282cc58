package ai.revo.missioncontrol.outbound;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code outbound.outcome_lost}: a message's provider call started but its outcome was never recorded (its node
 * stopped), so it is now UNKNOWN: it may or may not have gone out, and waits for a person's decision.
 */
public record OutboundOutcomeLost(UUID tenantId, OutboundView message, Actor actor) implements MissionEvent {

    @Override
    public String type() {
        return "outbound.outcome_lost";
    }

    @Override
    public EventCategory category() {
        return EventCategory.ERROR;
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
        payload.put("idempotencyKey", message.idempotencyKey());
        payload.put("reason", message.reason());
        return payload;
    }
}
