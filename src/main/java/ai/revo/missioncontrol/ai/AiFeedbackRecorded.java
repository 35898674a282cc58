package ai.revo.missioncontrol.ai;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code ai.feedback_recorded}: a user accepted, rejected or edited an AI suggestion. */
public record AiFeedbackRecorded(UUID tenantId, UUID feedbackId, UUID suggestionId, String outcome, Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "ai.feedback_recorded";
    }

    @Override
    public EventCategory category() {
        return EventCategory.THINKING;
    }

    @Override
    public String entityType() {
        return "ai_suggestion";
    }

    @Override
    public String entityId() {
        return suggestionId.toString();
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("suggestionId", suggestionId.toString());
        p.put("outcome", outcome);
        return p;
    }

    @Override
    public Object auditAfter() {
        return payload();
    }
}
