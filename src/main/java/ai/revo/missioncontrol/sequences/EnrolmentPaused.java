package ai.revo.missioncontrol.sequences;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code enrolment.paused}: a person paused a lead's enrolment; its steps are held. */
public record EnrolmentPaused(UUID tenantId, UUID enrolmentId, UUID sequenceId, UUID leadId, String reason, Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "enrolment.paused";
    }

    @Override
    public EventCategory category() {
        return EventCategory.SYSTEM;
    }

    @Override
    public String entityType() {
        return "enrolment";
    }

    @Override
    public String entityId() {
        return enrolmentId.toString();
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("sequenceId", sequenceId.toString());
        p.put("leadId", leadId.toString());
        if (reason != null) {
            p.put("reason", reason);
        }
        return p;
    }
}
