package ai.revo.missioncontrol.ai;

import java.time.Instant;
import java.util.UUID;

/**
 * An AI helper's answer, not stored: {@code inputHash} (sha-256 of the input) ties feedback to it, {@code model}
 * is {@code template} when no LLM produced it.
 */
public record Suggestion(
        UUID id, String text, String subject, Double confidence, String inputHash, String model, Instant createdAt) {}
