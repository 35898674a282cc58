package ai.revo.missioncontrol.ai;

import java.time.Instant;
import java.util.List;

/** The deterministic score of a text, with the sha-256 of the input. */
public record ScoreSuggestion(
        double spamRisk, double replyProbability, List<String> signals, String inputHash, Instant createdAt) {}
