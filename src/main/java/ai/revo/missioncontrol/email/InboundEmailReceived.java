package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An inbound email a provider delivered was processed: threaded to the email it answers ({@code emailId}, recorded
 * as a reply, which publishes {@code email.replied} too) or not matched to any of ours ({@code emailId} null).
 */
public record InboundEmailReceived(
        UUID tenantId,
        UUID inboundId,
        String provider,
        UUID emailId,
        UUID leadId,
        UUID campaignId,
        String matchedBy,
        Instant processedAt)
        implements MissionEvent {

    @Override
    public String type() {
        return "email.inbound_received";
    }

    @Override
    public EventCategory category() {
        return EventCategory.INBOUND;
    }

    @Override
    public String entityType() {
        return "inbound_email";
    }

    @Override
    public String entityId() {
        return inboundId.toString();
    }

    @Override
    public Actor actor() {
        return Actor.system();
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("provider", provider);
        m.put("matched", emailId != null);
        if (emailId != null) {
            m.put("emailId", emailId.toString());
            m.put("matchedBy", matchedBy);
        }
        if (leadId != null) {
            m.put("leadId", leadId.toString());
        }
        m.put("processedAt", processedAt.toString());
        return m;
    }
}
