package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code email.<step>}: queued, sent, failed, bounced, opened, clicked, replied or unsubscribed (the issue's
 * EMAIL_QUEUED ... EMAIL_UNSUBSCRIBED). {@code details} carries the step's own facts (status, reason, url ...).
 */
public record EmailChanged(
        UUID tenantId,
        UUID emailId,
        String step,
        UUID campaignId,
        UUID leadId,
        String toEmail,
        Map<String, Object> details,
        Actor actor)
        implements MissionEvent {

    public static final String QUEUED = "queued";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";
    public static final String BOUNCED = "bounced";
    public static final String COMPLAINED = "complained";
    public static final String DELIVERED = "delivered";
    public static final String OPENED = "opened";
    public static final String CLICKED = "clicked";
    public static final String REPLIED = "replied";
    public static final String UNSUBSCRIBED = "unsubscribed";

    @Override
    public String type() {
        return "email." + step;
    }

    @Override
    public EventCategory category() {
        return switch (step) {
            case OPENED, CLICKED, REPLIED, UNSUBSCRIBED -> EventCategory.INBOUND;
            case FAILED, BOUNCED, COMPLAINED -> EventCategory.ERROR;
            default -> EventCategory.OUTBOUND;
        };
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
    public UUID campaignId() {
        return campaignId;
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("to", toEmail);
        if (leadId != null) {
            payload.put("leadId", leadId.toString());
        }
        if (details != null) {
            payload.putAll(details);
        }
        return payload;
    }
}
