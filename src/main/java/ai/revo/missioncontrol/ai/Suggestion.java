package ai.revo.missioncontrol.ai;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An AI helper's answer, not stored: {@code inputHash} (sha-256 of the input) ties feedback to it. {@code model} is
 * the model's name, or {@code rules} when no model is configured and deterministic rules made the edit; then
 * {@code confidence} is null and {@code changes} says what the rules changed. {@code sources}: the knowledge passages
 * the model was given (empty for rules, which use none).
 */
public record Suggestion(
        UUID id,
        String text,
        String subject,
        Double confidence,
        String inputHash,
        String model,
        Instant createdAt,
        List<String> changes,
        List<Grounding.Passage> sources) {

    public Suggestion {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
