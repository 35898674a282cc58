package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code invoice.issued}: an invoice or credit note was issued and got its number. */
public record InvoiceIssued(
        UUID tenantId, UUID invoiceId, String kind, String number, String currency, BigDecimal total, Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "invoice.issued";
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
        p.put("kind", kind);
        p.put("number", number);
        p.put("currency", currency);
        p.put("total", total.toPlainString());
        return p;
    }

    @Override
    public Object auditAfter() {
        return payload();
    }
}
