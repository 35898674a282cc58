package ai.revo.missioncontrol.sequences;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.Map;
import java.util.UUID;

/**
 * {@code sequence.winner_declared}: an A/B step's variant won (its reply rate beat the others' at the sequence's
 * level after the minimum sends), so every later lead of the step gets it.
 */
public record SequenceWinnerDeclared(
        UUID tenantId,
        UUID sequenceId,
        UUID campaignId,
        UUID stepId,
        int position,
        UUID variantId,
        double replyRate,
        long sent,
        Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "sequence.winner_declared";
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
        return Map.of(
                "stepId",
                stepId.toString(),
                "position",
                position,
                "variantId",
                variantId.toString(),
                "replyRate",
                replyRate,
                "sent",
                sent);
    }
}
