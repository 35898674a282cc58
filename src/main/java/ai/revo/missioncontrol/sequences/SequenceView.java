package ai.revo.missioncontrol.sequences;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A sequence as the API shows it: its steps in order (position 1 first), each with its variants.
 * {@code contentApprovedAt} is set when an admin activated the sequence and its steps were not changed since.
 */
public record SequenceView(
        UUID id,
        UUID campaignId,
        String name,
        SequenceStatus status,
        List<Step> steps,
        String contentApprovedBy,
        Instant contentApprovedAt,
        WinnerRule winnerTakesAll,
        Instant createdAt,
        Instant updatedAt) {

    /** One step; {@code condition} refers to the previous step's email, null for none. */
    public record Step(
            UUID id,
            int position,
            StepKind kind,
            Delay delay,
            StepCondition condition,
            UUID templateId,
            String instruction,
            List<Variant> variants) {}

    /** One A/B variant of a step: its share of the leads ({@code weight}) and its content. */
    public record Variant(UUID id, int weight, String subject, String body, String promptVersion) {}

    /**
     * Winner takes all: once a step has at least {@code minimumSends} sends per variant and the best variant's reply
     * rate differs from the other's at p below {@code significance}, every later lead of the step gets the winner.
     */
    public record WinnerRule(int minimumSends, double significance) {}

    public Step step(int position) {
        return steps.stream().filter(s -> s.position() == position).findFirst().orElse(null);
    }
}
