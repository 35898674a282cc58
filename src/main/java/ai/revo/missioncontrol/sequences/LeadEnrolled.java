package ai.revo.missioncontrol.sequences;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** {@code enrolment.created}: a lead was enrolled in a sequence; its first step is due at {@code nextStepAt}. */
public record LeadEnrolled(
        UUID tenantId, UUID enrolmentId, UUID sequenceId, UUID campaignId, UUID leadId, Instant nextStepAt, Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "enrolment.created";
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
        return Map.of(
                "sequenceId", sequenceId.toString(),
                "leadId", leadId.toString(),
                "nextStepAt", String.valueOf(nextStepAt));
    }
}
