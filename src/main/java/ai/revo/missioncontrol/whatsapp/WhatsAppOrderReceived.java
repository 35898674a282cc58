package ai.revo.missioncontrol.whatsapp;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code order.received}: a person ordered from the catalogue in WhatsApp; the lead's potential value is its total. */
public record WhatsAppOrderReceived(
        UUID tenantId,
        UUID orderId,
        UUID conversationId,
        UUID leadId,
        UUID campaignId,
        int items,
        BigDecimal total,
        String currency)
        implements MissionEvent {

    @Override
    public String type() {
        return "order.received";
    }

    @Override
    public EventCategory category() {
        return EventCategory.COMMERCE;
    }

    @Override
    public String entityType() {
        return "conversation";
    }

    @Override
    public String entityId() {
        return conversationId.toString();
    }

    @Override
    public Actor actor() {
        return Actor.system();
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("orderId", orderId.toString());
        payload.put("leadId", leadId == null ? null : leadId.toString());
        payload.put("items", items);
        payload.put("total", total.toPlainString());
        payload.put("currency", currency);
        return payload;
    }
}
