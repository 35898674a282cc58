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
            List<VariantDraft> variants) {}

    public record DelayDraft(Integer amount, String unit) {}

    public record VariantDraft(UUID id, Integer weight, String subject, String body, String promptVersion) {}

    /** {@code enabled: false} turns the rule off. */
    public record WinnerDraft(Boolean enabled, Integer minimumSends, Double significance) {}
}
