package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code invoice.sent}: an issued invoice went out by email with its PDF (the gateway answered SENT). */
public record InvoiceSent(UUID tenantId, UUID invoiceId, String number, String to, UUID outboundId, Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "invoice.sent";
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
