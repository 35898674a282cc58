package ai.revo.missioncontrol.contacts;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code lead.created}, {@code lead.updated}, {@code lead.status_changed} or {@code lead.score.overridden}. */
public record LeadChanged(
        UUID tenantId,
        String type,
        UUID leadId,
        UUID campaignId,
        UUID contactId,
        Object before,
        Object after,
        Actor actor,
        Map<String, Object> details)
        implements MissionEvent {

    static LeadChanged of(Lead lead, String type, Lead.LeadSnapshot before, Actor actor, Map<String, Object> details) {
        return new LeadChanged(
                lead.tenantId().value(),
                type,
                lead.id(),
                lead.campaignId(),
                lead.contactId(),
                before,
                lead.snapshot(),
                actor,
                details);
    }

    @Override
    public EventCategory category() {
        return type.equals("lead.score.overridden") ? EventCategory.THINKING : EventCategory.SYSTEM;
    }

    @Override
    public String entityType() {
        return "lead";
    }

    @Override
    public String entityId() {
        return leadId.toString();
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> payload = new LinkedHashMap<>(details);
        payload.put("contactId", contactId.toString());
        return payload;
    }

    @Override
    public Object auditBefore() {
        return before;
    }

    @Override
    public Object auditAfter() {
        return after;
    }
}
