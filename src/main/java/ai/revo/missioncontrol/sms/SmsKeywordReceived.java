package ai.revo.missioncontrol.sms;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A person texted one of the standard SMS keywords to the workspace's Twilio number: {@code sms.opted_out} (STOP,
 * STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT), {@code sms.opted_in} (START, UNSTOP, YES) or {@code sms.help_requested}
 * (HELP, INFO). {@code result} says what it did: SUPPRESSED, ALREADY_SUPPRESSED, LIFTED, KEPT (a suppression not made
 * by an SMS opt-out stays), NOT_SUPPRESSED, FILED (help), IGNORED (the sender is no phone number).
 * {@code suppressionId} the suppression added or lifted, {@code conversationId} where a help request was filed.
 */
public record SmsKeywordReceived(
        UUID tenantId,
        String type,
        String messageSid,
        String from,
        String keyword,
        String result,
        UUID suppressionId,
        UUID conversationId,
        Actor actor)
        implements MissionEvent {

    static final String OPTED_OUT = "sms.opted_out";
    static final String OPTED_IN = "sms.opted_in";
    static final String HELP_REQUESTED = "sms.help_requested";

    @Override
    public EventCategory category() {
        return HELP_REQUESTED.equals(type) ? EventCategory.INBOUND : EventCategory.SAFETY;
    }

    @Override
    public String entityType() {
        return "sms_message";
    }

    @Override
    public String entityId() {
        return messageSid;
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("channel", "SMS");
        payload.put("address", from);
        payload.put("keyword", keyword);
        payload.put("result", result);
        payload.put("messageSid", messageSid);
        if (suppressionId != null) {
            payload.put("suppressionId", suppressionId.toString());
        }
        if (conversationId != null) {
            payload.put("conversationId", conversationId.toString());
        }
        return payload;
    }
}
