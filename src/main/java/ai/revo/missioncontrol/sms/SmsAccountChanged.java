package ai.revo.missioncontrol.sms;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code sms.account_connected} (first time) or {@code sms.account_changed}: a workspace's Twilio account was saved.
 * Audited; never the auth token, only its last four.
 */
public record SmsAccountChanged(UUID tenantId, String type, SmsAccountView before, SmsAccountView after, Actor actor)
        implements MissionEvent {

    @Override
    public EventCategory category() {
        return EventCategory.SYSTEM;
    }

    @Override
    public String entityType() {
        return "sms_account";
    }

    @Override
    public String entityId() {
        return after.accountSid();
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
        payload.put("accountSid", after.accountSid());
        if (after.messagingServiceSid() != null) {
            payload.put("messagingServiceSid", after.messagingServiceSid());
        }
        if (after.fromNumber() != null) {
            payload.put("fromNumber", after.fromNumber());
        }
        return payload;
    }
}
