package ai.revo.missioncontrol.revenue;

import java.time.Instant;
import java.util.UUID;

/**
 * One move of a deal: from (null when the deal was created in it) and to which stage, who moved it, when, and how
 * long the deal had been in the stage it left.
 */
public record StageChangeView(
        UUID id,
        UUID fromStageId,
        String fromStage,
        UUID toStageId,
        String toStage,
        String actorType,
        String actorName,
        Instant changedAt,
        Long secondsInFromStage,
        String lostReason) {}
