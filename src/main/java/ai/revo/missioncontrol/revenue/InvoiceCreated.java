package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code invoice.created}: a draft invoice was created (no number yet). */
public record InvoiceCreated(UUID tenantId, UUID invoiceId, UUID dealId, String currency, BigDecimal total, Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "invoice.created";
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
        p.put("currency", currency);
        p.put("total", total.toPlainString());
        if (dealId != null) {
            p.put("dealId", dealId.toString());
        }
        return p;
    }

    @Override
    public Object auditAfter() {
        return payload();
    }
}
