package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A person decided about an UNKNOWN email: {@code email.marked_sent} (now SENT) or {@code email.sent_again} (queued
 * for its next attempt, with the same Message-ID). Audited with the status before and after.
 */
public record EmailResolved(
        UUID tenantId, UUID emailId, UUID campaignId, String toEmail, boolean markedSent, Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return markedSent ? "email.marked_sent" : "email.sent_again";
    }

    @Override
    public EventCategory category() {
        return EventCategory.OUTBOUND;
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
        payload.put("status", markedSent ? EmailStatus.SENT.name() : EmailStatus.PENDING_SEND.name());
        return payload;
    }

    @Override
    public Object auditBefore() {
        return Map.of("status", EmailStatus.UNKNOWN.name());
    }

    @Override
    public Object auditAfter() {
        return payload();
    }
}
