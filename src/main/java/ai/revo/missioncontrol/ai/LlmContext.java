package ai.revo.missioncontrol.ai;

import java.util.UUID;

/** What an LLM call is for, kept in its log row: the agent run (if any) and the entity it concerns (if any). */
public record LlmContext(UUID runId, String entityType, String entityId) {

    public static LlmContext none() {
        return new LlmContext(null, null, null);
    }

    public static LlmContext run(UUID runId) {
        return new LlmContext(runId, null, null);
    }
}
