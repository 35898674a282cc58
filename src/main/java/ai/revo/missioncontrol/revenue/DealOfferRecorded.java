package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code deal.offer_recorded}: an offer (ours) or counter-offer (theirs) was added to a deal's negotiation. */
public record DealOfferRecorded(
        UUID tenantId,
        UUID dealId,
        UUID offerId,
        String who,
        BigDecimal amount,
        String currency,
        BigDecimal discountPercent,
        boolean capException,
        Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "deal.offer_recorded";
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
        p.put("offerId", offerId.toString());
        p.put("who", who);
        p.put("amount", amount.toPlainString());
        p.put("currency", currency);
        p.put("discountPercent", discountPercent.toPlainString());
        p.put("capException", capException);
        return p;
    }

    @Override
    public Object auditAfter() {
        return payload();
    }
}
