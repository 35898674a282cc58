package ai.revo.missioncontrol.ai;

import java.time.Instant;
import java.util.List;

/**
 * The deterministic score of a text, with the sha-256 of the input. Both numbers are heuristic estimates
 * ({@code method} is {@code heuristic}) from the rules listed in {@code rules}, not a model's prediction;
 * {@code signals} names what the rules found in this text.
 */
public record ScoreSuggestion(
        double spamRisk,
        double replyProbability,
        List<String> signals,
        String inputHash,
        Instant createdAt,
        String method,
        List<String> rules) {}
