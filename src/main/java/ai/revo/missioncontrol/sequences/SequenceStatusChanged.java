package ai.revo.missioncontrol.sequences;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.Map;
import java.util.UUID;

/** {@code sequence.status_changed}: a sequence was activated, paused, resumed or archived. */
public record SequenceStatusChanged(
        UUID tenantId, UUID sequenceId, UUID campaignId, SequenceStatus from, SequenceStatus to, Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "sequence.status_changed";
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
        return Map.of("from", from.name(), "to", to.name());
    }

    @Override
    public Object auditBefore() {
        return Map.of("status", from.name());
    }

    @Override
    public Object auditAfter() {
        return Map.of("status", to.name());
    }
}
