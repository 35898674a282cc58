package ai.revo.missioncontrol.agents;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A daily brief: three wins, three blockers and three next moves chosen from the day's figures, the text phrasing
 * them ({@code model} says what wrote it: a model's name, or {@code template}), and who it was delivered to.
 */
public record BriefView(
        UUID id,
        UUID runId,
        Instant periodStart,
        Instant periodEnd,
        List<String> wins,
        List<String> blockers,
        List<String> nextMoves,
        Map<String, Object> figures,
        String text,
        String model,
        List<String> deliveredTo,
        Instant createdAt) {}
