package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code email_draft.created} (the first save of a composer draft) or {@code email_draft.deleted}. The autosaves in
 * between are not published: the composer saves every few hundred milliseconds while the user types.
 */
public record ComposerDraftChanged(
        UUID tenantId, String type, UUID draftId, UUID prospectId, UUID campaignId, String subject, Actor actor)
        implements MissionEvent {

    public static final String CREATED = "email_draft.created";
    public static final String DELETED = "email_draft.deleted";

    @Override
    public EventCategory category() {
        return EventCategory.OUTBOUND;
    }

    @Override
    public String entityType() {
        return "email_draft";
    }

    @Override
    public String entityId() {
        return draftId.toString();
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> p = new LinkedHashMap<>();
        if (prospectId != null) {
            p.put("prospectId", prospectId.toString());
        }
        if (subject != null) {
            p.put("subject", subject);
        }
        return p;
    }

    @Override
    public Object auditBefore() {
        return DELETED.equals(type) ? payload() : null;
    }

    @Override
    public Object auditAfter() {
        return CREATED.equals(type) ? payload() : null;
    }
}
