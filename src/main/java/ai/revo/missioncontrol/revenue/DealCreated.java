package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code deal.created}: a deal was opened, from a lead or on a contact. */
public record DealCreated(
        UUID tenantId,
        UUID dealId,
        UUID leadId,
        UUID campaignId,
        String name,
        String stage,
        BigDecimal amount,
        String currency,
        Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "deal.created";
    }

    @Override
    public EventCategory category() {
        return EventCategory.COMMERCE;
    }

    @Override
    public String entityType() {
        return "deal";
    }

    @Override
    public String entityId() {
        return dealId.toString();
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("stage", stage);
        p.put("amount", amount.toPlainString());
        p.put("currency", currency);
        if (leadId != null) {
            p.put("leadId", leadId.toString());
        }
        return p;
    }

    @Override
    public Object auditAfter() {
        return payload();
    }
}
