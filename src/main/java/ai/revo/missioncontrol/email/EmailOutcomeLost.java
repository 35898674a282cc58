package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code email.outcome_lost}: attempt {@code attempt} of the email started its SMTP conversation and its outcome was
 * never recorded (the node stopped); the email is UNKNOWN until a person marks it sent or sends it again.
 */
public record EmailOutcomeLost(
        UUID tenantId, UUID emailId, UUID campaignId, String toEmail, int attempt, String messageId, Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "email.outcome_lost";
    }

    @Override
    public EventCategory category() {
        return EventCategory.ERROR;
    }

    @Override
    public String entityType() {
        return "email";
    }

    @Override
    public String entityId() {
        return emailId.toString();
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("to", toEmail);
        payload.put("status", EmailStatus.UNKNOWN.name());
        payload.put("attempt", attempt);
        payload.put("messageId", messageId);
        return payload;
    }
}
