package ai.revo.missioncontrol.drafts;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code draft.created}, {@code draft.updated} (a new version) or {@code draft.submitted}. */
public record DraftChanged(
        UUID tenantId,
        String type,
        UUID draftId,
        UUID campaignId,
        UUID leadId,
        int version,
        String status,
        String subject,
        Actor actor)
        implements MissionEvent {

    static DraftChanged of(Draft d, String type, Actor actor) {
        DraftView v = d.view();
        return new DraftChanged(
                d.tenantId().value(),
                type,
                v.id(),
                v.campaignId(),
                v.leadId(),
                v.version(),
                v.status().name(),
                v.subject(),
                actor);
    }

    @Override
    public EventCategory category() {
        return EventCategory.THINKING;
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
        payload.put("version", version);
        payload.put("status", status);
        if (subject != null) {
            payload.put("subject", subject);
        }
        return payload;
    }

    @Override
    public Object auditAfter() {
        return payload();
    }
}
