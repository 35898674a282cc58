package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code invoice.voided}: an issued invoice was voided by the credit note that references it. */
public record InvoiceVoided(UUID tenantId, UUID invoiceId, String number, UUID creditNoteId, String reason, Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "invoice.voided";
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
        p.put("creditNoteId", creditNoteId.toString());
        p.put("reason", reason);
        return p;
    }

    @Override
    public Object auditAfter() {
        return payload();
    }
}
