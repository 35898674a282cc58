package ai.revo.missioncontrol.whatsapp;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code whatsapp.safety_triggered}: a person's message tripped the inbound safety check (a stop word, or sentiment
 * below the threshold): their lead is DND, their number suppressed for WHATSAPP, and nothing answers them.
 */
public record WhatsAppSafetyTriggered(
        UUID tenantId,
        UUID conversationId,
        UUID contactId,
        UUID leadId,
        UUID campaignId,
        String keyword,
        double sentiment,
        String reason,
        boolean suppressed)
        implements MissionEvent {

    @Override
    public String type() {
        return "whatsapp.safety_triggered";
    }

    @Override
    public EventCategory category() {
        return EventCategory.SAFETY;
    }

    @Override
    public String entityType() {
        return "conversation";
    }

    @Override
    public String entityId() {
        return conversationId.toString();
    }

    @Override
    public Actor actor() {
        return Actor.system();
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("reason", reason);
        if (keyword != null) {
            payload.put("keyword", keyword);
        }
        payload.put("sentiment", Math.round(sentiment * 1000) / 1000.0);
        payload.put("contactId", contactId.toString());
        if (leadId != null) {
            payload.put("leadId", leadId.toString());
        }
        payload.put("suppressed", suppressed);
        return payload;
    }

    @Override
    public Object auditAfter() {
        return payload();
    }
}
