package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code deal_proposal.<step>}: a proposal was filed for review ({@code filed}) or decided ({@code approved},
 * {@code awaiting_amount}, {@code rejected}, {@code changes_requested}, {@code not_opened}), or its deal was opened
 * with the amount a person gave ({@code opened}).
 */
public record DealProposalChanged(
        UUID tenantId,
        UUID proposalId,
        UUID leadId,
        UUID campaignId,
        String step,
        DealProposalStatus status,
        Map<String, Object> details,
        Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "deal_proposal." + step;
    }

    @Override
    public EventCategory category() {
        return EventCategory.COMMERCE;
    }

    @Override
    public String entityType() {
        return "deal_proposal";
    }

    @Override
    public String entityId() {
        return proposalId.toString();
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("status", status.name());
        p.put("leadId", leadId.toString());
        if (details != null) {
            p.putAll(details);
        }
        return p;
    }

    @Override
    public Object auditAfter() {
        return payload();
    }
}
