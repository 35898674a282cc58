package ai.revo.missioncontrol.drafts;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code approval.approved}, {@code approval.rejected}, {@code approval.changes_requested},
 * {@code approval.edited_and_approved} or {@code approval.approved_with_notes}. {@code contentSha256} is the
 * fingerprint of the approved version's content (null when the decision does not approve): what may be sent.
 */
public record ApprovalDecided(
        UUID tenantId,
        UUID draftId,
        UUID campaignId,
        UUID leadId,
        Decision decision,
        int version,
        String contentSha256,
        String notes,
        Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return decision.eventType();
    }

    @Override
    public EventCategory category() {
        return EventCategory.SAFETY;
    }

    @Override
    public String entityType() {
        return "draft";
    }

    @Override
    public String entityId() {
        return draftId.toString();
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("decision", decision.name());
        payload.put("version", version);
        if (contentSha256 != null) {
            payload.put("contentSha256", contentSha256);
        }
        if (notes != null) {
            payload.put("notes", notes);
        }
        return payload;
    }

    @Override
    public Object auditAfter() {
        return payload();
    }
}
