package ai.revo.missioncontrol.sequences;

import ai.revo.missioncontrol.platform.ApiException;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * A sequence's steps, stored as one jsonb list. {@link #of} turns what a client sent into checked steps: at most
 * ten, each of a known kind with a delay, a condition only after an email step, an email's content from a template
 * or from two to four variants, a task's instruction. Each refusal names the field.
 */
record SequenceSteps(@JsonValue List<SequenceView.Step> values) {

    static final int MAX_STEPS = 10;
    static final int MIN_VARIANTS = 2;
    static final int MAX_VARIANTS = 4;
    static final int MAX_SUBJECT = 300;
    static final int MAX_BODY = 50_000;
    static final int MAX_INSTRUCTION = 2_000;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    SequenceSteps {
        values = values == null ? List.of() : List.copyOf(values);
    }

    static final SequenceSteps NONE = new SequenceSteps(List.of());

    /** Checked steps from a client's list, positions 1 to n in the order sent; new ids where none were sent. */
    static SequenceSteps of(List<SequenceDraft.StepDraft> drafts) {
        if (drafts == null) {
            return NONE;
        }
        if (drafts.size() > MAX_STEPS) {
            throw ApiException.invalidField("steps", "must be at most " + MAX_STEPS + " steps");
        }
        List<SequenceView.Step> steps = new ArrayList<>();
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            SequenceDraft.StepDraft d = drafts.get(i);
            String f = "steps[" + i + "]";
            if (d == null) {
                throw ApiException.invalidField(f, "is required");
            }
            UUID id = d.id() == null ? UUID.randomUUID() : d.id();
            if (!ids.add(id)) {
                throw ApiException.invalidField(f + ".id", "is used by two steps");
            }
            StepKind kind = parse(StepKind.class, f + ".kind", d.kind(), true);
            if (kind == StepKind.WHATSAPP || kind == StepKind.SMS) {
                throw ApiException.invalidField(
                        f + ".kind", kind + " steps are not available in sequences yet: use EMAIL, TASK or WAIT");
            }
            Delay delay = delay(f + ".delay", d.delay());
            StepCondition condition = parse(StepCondition.class, f + ".condition", d.condition(), false);
            if (condition != null && (i == 0 || steps.get(i - 1).kind() != StepKind.EMAIL)) {
                throw ApiException.invalidField(f + ".condition", "needs an EMAIL step right before it");
            }
            String instruction = text(f + ".instruction", d.instruction(), MAX_INSTRUCTION);
            List<SequenceView.Variant> variants = List.of();
            switch (kind) {
                case EMAIL -> {
                    variants = variants(f, d.variants(), d.templateId() != null);
                    if (d.templateId() == null && variants.isEmpty()) {
                        throw ApiException.invalidField(
                                f,
                                "an EMAIL step needs a templateId or 2 to 4 variants with subject and body "
                                        + "(AI-written steps are not available in sequences yet)");
                    }
                }
                case TASK -> {
                    if (instruction == null) {
                        throw ApiException.invalidField(f + ".instruction", "is required for a TASK step");
                    }
                    refuseContent(f, d);
                }
                case WAIT -> {
                    if (instruction != null) {
                        throw ApiException.invalidField(f + ".instruction", "is not used by a WAIT step");
                    }
                    refuseContent(f, d);
                }
                default -> throw new IllegalStateException();
            }
            steps.add(new SequenceView.Step(id, i + 1, kind, delay, condition, d.templateId(), instruction, variants));
        }
        return new SequenceSteps(steps);
    }

    private static void refuseContent(String f, SequenceDraft.StepDraft d) {
        if (d.templateId() != null) {
            throw ApiException.invalidField(f + ".templateId", "is only used by an EMAIL step");
        }
        if (d.variants() != null && !d.variants().isEmpty()) {
            throw ApiException.invalidField(f + ".variants", "are only used by an EMAIL step");
        }
    }

    private static List<SequenceView.Variant> variants(
            String f, List<SequenceDraft.VariantDraft> drafts, boolean hasTemplate) {
        if (drafts == null || drafts.isEmpty()) {
            return List.of();
        }
        if (drafts.size() < MIN_VARIANTS || drafts.size() > MAX_VARIANTS) {
            throw ApiException.invalidField(
                    f + ".variants", "must be " + MIN_VARIANTS + " to " + MAX_VARIANTS + " variants (or none)");
        }
        List<SequenceView.Variant> variants = new ArrayList<>();
        Set<UUID> ids = new HashSet<>();
        for (int j = 0; j < drafts.size(); j++) {
            SequenceDraft.VariantDraft v = drafts.get(j);
            String g = f + ".variants[" + j + "]";
            if (v == null) {
                throw ApiException.invalidField(g, "is required");
            }
            UUID id = v.id() == null ? UUID.randomUUID() : v.id();
            if (!ids.add(id)) {
                throw ApiException.invalidField(g + ".id", "is used by two variants");
            }
            int weight = v.weight() == null ? 1 : v.weight();
            if (weight < 1 || weight > 100) {
                throw ApiException.invalidField(g + ".weight", "must be from 1 to 100");
            }
            String subject = text(g + ".subject", v.subject(), MAX_SUBJECT);
            String body = text(g + ".body", v.body(), MAX_BODY);
            if (!hasTemplate && subject == null) {
                throw ApiException.invalidField(g + ".subject", "is required without a templateId");
            }
            if (!hasTemplate && body == null) {
                throw ApiException.invalidField(g + ".body", "is required without a templateId");
            }
            String promptVersion = text(g + ".promptVersion", v.promptVersion(), 100);
            variants.add(new SequenceView.Variant(id, weight, subject, body, promptVersion));
        }
        return variants;
    }

    private static Delay delay(String f, SequenceDraft.DelayDraft d) {
        if (d == null) {
            return Delay.NONE;
        }
        DelayUnit unit = parse(DelayUnit.class, f + ".unit", d.unit(), true);
        int amount = d.amount() == null ? 0 : d.amount();
        try {
            return new Delay(amount, unit);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField(
                    f + ".amount",
                    "must be from 0 to " + (unit == DelayUnit.HOURS ? Delay.MAX_DAYS * 24 : Delay.MAX_DAYS));
        }
    }

    private static String text(String f, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > max) {
            throw ApiException.invalidField(f, "must be at most " + max + " characters");
        }
        return value.strip();
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw ApiException.invalidField(field, "is required");
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E c : type.getEnumConstants()) {
                names.add(c.name());
            }
            throw ApiException.invalidField(field, "must be one of " + String.join(", ", names));
        }
    }

    /** The templates the steps use, for the caller to check they exist. */
    List<UUID> templateIds() {
        return values.stream()
                .map(SequenceView.Step::templateId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
    }

    /** The subjects and bodies of every variant, for the caller to check their merge fields. */
    List<String[]> texts() {
        List<String[]> texts = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            List<SequenceView.Variant> vs = values.get(i).variants();
            for (int j = 0; j < vs.size(); j++) {
                texts.add(new String[] {
                    "steps[" + i + "].variants[" + j + "]",
                    vs.get(j).subject(),
                    vs.get(j).body()
                });
            }
        }
        return texts;
    }
}
