package ai.revo.missioncontrol.outbound;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code outbound.delivered}, {@code outbound.read} or {@code outbound.delivery_failed}: the provider's receipt
 * moved a sent message on (WhatsApp statuses).
 */
public record OutboundReceiptRecorded(UUID tenantId, OutboundView message) implements MissionEvent {

    @Override
    public String type() {
        return switch (message.deliveryStatus()) {
            case "DELIVERED" -> "outbound.delivered";
            case "READ" -> "outbound.read";
            case "FAILED" -> "outbound.delivery_failed";
            default -> "outbound.accepted";
        };
    }

    @Override
    public EventCategory category() {
        return "FAILED".equals(message.deliveryStatus()) ? EventCategory.ERROR : EventCategory.OUTBOUND;
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
    public Actor actor() {
        return Actor.system();
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
        payload.put("deliveryStatus", message.deliveryStatus());
        if (message.deliveryError() != null) {
            payload.put("error", message.deliveryError());
        }
        if (message.providerMessageId() != null) {
            payload.put("providerMessageId", message.providerMessageId());
        }
        return payload;
    }
}
