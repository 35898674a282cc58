package ai.revo.missioncontrol.sequences;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.Map;
import java.util.UUID;

/** {@code sequence.created}: a sequence was built for a campaign (as a DRAFT). */
public record SequenceCreated(UUID tenantId, UUID sequenceId, UUID campaignId, String name, int steps, Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "sequence.created";
    }

    @Override
    public EventCategory category() {
        return EventCategory.SYSTEM;
    }

    @Override
    public String entityType() {
        return "sequence";
    }

    @Override
    public String entityId() {
        return sequenceId.toString();
    }

    @Override
    public Map<String, Object> payload() {
        return Map.of("name", name, "steps", steps);
    }

    @Override
    public Object auditAfter() {
        return payload();
    }
}
