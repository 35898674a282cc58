package ai.revo.missioncontrol.sequences;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.Map;
import java.util.UUID;

/** {@code sequence.edited}: a sequence's name, steps or winner rule changed ({@code stepsChanged}: the steps did). */
public record SequenceEdited(
        UUID tenantId, UUID sequenceId, UUID campaignId, String name, boolean stepsChanged, int steps, Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "sequence.edited";
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
        return Map.of("name", name, "stepsChanged", stepsChanged, "steps", steps);
    }

    @Override
    public Object auditAfter() {
        return payload();
    }
}
