package ai.revo.missioncontrol.whatsapp;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code whatsapp.number_connected} (first time), {@code whatsapp.number_changed}, {@code whatsapp.connection_tested}
 * or {@code whatsapp.token_rejected} (Meta refused the access token: the number stops sending). Audited; never a
 * secret, only last fours.
 */
public record WhatsAppNumberChanged(
        UUID tenantId, String type, WhatsAppNumberView before, WhatsAppNumberView after, Actor actor)
        implements MissionEvent {

    @Override
    public EventCategory category() {
        return type.equals("whatsapp.token_rejected") ? EventCategory.ERROR : EventCategory.SYSTEM;
    }

    @Override
    public String entityType() {
        return "whatsapp_number";
    }

    @Override
    public String entityId() {
        return after.phoneNumberId();
    }

    @Override
    public UUID campaignId() {
        return after.campaignId();
    }

    @Override
    public Object auditBefore() {
        return before;
    }

    @Override
    public Object auditAfter() {
        return after;
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("displayNumber", after.displayNumber());
        payload.put("phoneNumberId", after.phoneNumberId());
        if (after.lastTestMessage() != null && type.equals("whatsapp.connection_tested")) {
            payload.put("ok", after.lastTestOk());
            payload.put("result", after.lastTestMessage());
        }
        return payload;
    }
}
