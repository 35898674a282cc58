package ai.revo.missioncontrol.whatsapp;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code whatsapp.alert_raised}: Meta answered with an error a person must act on. {@code kind}: SPAM_RATE (131048,
 * the campaign was paused), TOKEN_REJECTED (190, the number sends nothing until its token is replaced) or
 * TEMPLATE_REFUSED (132000/132001/132015/132016, the templates are re-synced). Published in the transaction that
 * records its consequence.
 */
public record WhatsAppAlertRaised(
        UUID tenantId, String kind, int code, String description, UUID campaignId, boolean campaignPaused, Instant at)
        implements MissionEvent {

    @Override
    public String type() {
        return "whatsapp.alert_raised";
    }

    @Override
    public EventCategory category() {
        return EventCategory.ERROR;
    }

    @Override
    public String entityType() {
        return campaignId != null ? "campaign" : "whatsapp_number";
    }

    @Override
    public String entityId() {
        return campaignId != null ? campaignId.toString() : tenantId.toString();
    }

    @Override
    public Actor actor() {
        return Actor.system();
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("kind", kind);
        p.put("code", code);
        p.put("description", description);
        p.put("campaignPaused", campaignPaused);
        return p;
    }
}
