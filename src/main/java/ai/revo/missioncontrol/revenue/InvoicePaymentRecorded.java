package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code invoice.payment_recorded}: a payment was recorded against an invoice; {@code status} is the invoice's after it. */
public record InvoicePaymentRecorded(
        UUID tenantId,
        UUID invoiceId,
        String number,
        UUID paymentId,
        BigDecimal amount,
        String currency,
        BigDecimal balance,
        InvoiceStatus status,
        Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "invoice.payment_recorded";
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
        p.put("paymentId", paymentId.toString());
        p.put("amount", amount.toPlainString());
        p.put("currency", currency);
        p.put("balance", balance.toPlainString());
        p.put("status", status.name());
        return p;
    }

    @Override
    public Object auditAfter() {
        return payload();
    }
}
