package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code invoice.needs_attention}: the final dunning notice went out and the invoice is still unpaid: a person takes it from here. */
public record InvoiceNeedsAttention(
        UUID tenantId, UUID invoiceId, String number, String to, UUID outboundId, Actor actor) implements MissionEvent {

    @Override
    public String type() {
        return "invoice.needs_attention";
    }

    @Override
    public EventCategory category() {
        return EventCategory.COMMERCE;
    }

    @Override
    public String entityType() {
        return "invoice";
    }

    @Override
    public String entityId() {
        return invoiceId.toString();
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("number", number);
        p.put("to", to);
        p.put("outboundId", outboundId.toString());
        return p;
    }

    @Override
    public Object auditAfter() {
        return payload();
    }
}
