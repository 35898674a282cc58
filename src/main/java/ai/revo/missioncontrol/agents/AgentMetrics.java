package ai.revo.missioncontrol.agents;

/**
 * An agent's figures over a window: runs started, the share that succeeded (a person's override counts), the p50
 * and p95 duration, tokens spent, and the share escalated to a human (runs that went DEAD or flagged a draft for a
 * closer look).
 */
public record AgentMetrics(
        String agent,
        String name,
        long runs,
        long succeeded,
        long failed,
        long dead,
        Double successRate,
        Long p50Ms,
        Long p95Ms,
        long inputTokens,
        long outputTokens,
        long escalated,
        Double escalationRate) {}
