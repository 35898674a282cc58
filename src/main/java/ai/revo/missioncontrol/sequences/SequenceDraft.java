package ai.revo.missioncontrol.sequences;

import java.util.List;
import java.util.UUID;

/**
 * What a client sends to create or change a sequence. On a change every field is optional; {@code steps}, when sent,
 * replaces the list (a step or variant sent with its id keeps it).
 */
public record SequenceDraft(
        UUID campaignId, String name, String status, List<StepDraft> steps, WinnerDraft winnerTakesAll) {

    public record StepDraft(
            UUID id,
            String kind,
            DelayDraft delay,
            String condition,
            UUID templateId,
            String instruction,
            List<VariantDraft> variants) {

        /** A stored step as a client would send it back unchanged (ids kept). */
        public static StepDraft of(SequenceView.Step step) {
            return new StepDraft(
                    step.id(),
                    step.kind().name(),
                    new DelayDraft(step.delay().amount(), step.delay().unit().name()),
                    step.condition() == null ? null : step.condition().name(),
                    step.templateId(),
                    step.instruction(),
                    step.variants().stream()
                            .map(v -> new VariantDraft(v.id(), v.weight(), v.subject(), v.body(), v.promptVersion()))
                            .toList());
        }
    }

    /** Only the steps, for a change of the list. */
    public static SequenceDraft ofSteps(List<StepDraft> steps) {
        return new SequenceDraft(null, null, null, steps, null);
    }

    /** Only the status, for a move. */
    public static SequenceDraft ofStatus(String status) {
        return new SequenceDraft(null, null, status, null, null);
    }

    public record DelayDraft(Integer amount, String unit) {}

    public record VariantDraft(UUID id, Integer weight, String subject, String body, String promptVersion) {}

    /** {@code enabled: false} turns the rule off. */
    public record WinnerDraft(Boolean enabled, Integer minimumSends, Double significance) {}
}
