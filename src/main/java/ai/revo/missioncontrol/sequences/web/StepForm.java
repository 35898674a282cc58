package ai.revo.missioncontrol.sequences.web;

import ai.revo.missioncontrol.sequences.SequenceDraft;
import java.util.ArrayList;
import java.util.List;

/**
 * The builder's "add a step" form: kind, delay, condition, a task's instruction, and an email's two A/B variants
 * (the sequence's own checks refuse an email step with fewer, naming the field).
 */
record StepForm(
        String kind,
        Integer amount,
        String unit,
        String condition,
        String instruction,
        String subjectA,
        String bodyA,
        String subjectB,
        String bodyB) {

    SequenceDraft.StepDraft toDraft() {
        List<SequenceDraft.VariantDraft> variants = new ArrayList<>();
        if (present(subjectA) || present(bodyA) || present(subjectB) || present(bodyB)) {
            variants.add(new SequenceDraft.VariantDraft(null, 1, subjectA, bodyA, null));
            variants.add(new SequenceDraft.VariantDraft(null, 1, subjectB, bodyB, null));
        }
        return new SequenceDraft.StepDraft(
                null,
                kind,
                new SequenceDraft.DelayDraft(amount == null ? 0 : amount, unit),
                present(condition) ? condition : null,
                null,
                present(instruction) ? instruction : null,
                variants);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
