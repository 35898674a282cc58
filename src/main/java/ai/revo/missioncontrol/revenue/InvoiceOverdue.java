package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code invoice.overdue}: an issued invoice passed its due date unpaid (checked daily in the workspace's time zone). */
public record InvoiceOverdue(
        UUID tenantId, UUID invoiceId, String number, java.time.LocalDate dueDate, BigDecimal balance, Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "invoice.overdue";
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
        p.put("dueDate", dueDate.toString());
        p.put("balance", balance.toPlainString());
        return p;
    }

    @Override
    public Object auditAfter() {
        return payload();
    }
}
