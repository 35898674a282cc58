package ai.revo.missioncontrol.ai;

import java.util.List;

/** A deterministic reading of a message: spam risk and reply probability (0..1) and the signals behind them. */
public record ContentScore(double spamRisk, double replyProbability, List<String> signals) {}
