package ai.revo.missioncontrol.ai;

import java.util.List;
import java.util.UUID;

/**
 * What an LLM call is for, kept in its log row: the agent run (if any), the entity it concerns (if any) and the
 * knowledge passages (chunk ids) the model was given (empty when none; the gateway fills it).
 */
public record LlmContext(UUID runId, String entityType, String entityId, List<UUID> chunkIds) {

    public LlmContext {
        chunkIds = chunkIds == null ? List.of() : List.copyOf(chunkIds);
    }

    public LlmContext(UUID runId, String entityType, String entityId) {
        this(runId, entityType, entityId, List.of());
    }

    public static LlmContext none() {
        return new LlmContext(null, null, null);
    }

    public static LlmContext run(UUID runId) {
        return new LlmContext(runId, null, null);
    }

    LlmContext withChunkIds(List<UUID> ids) {
        return new LlmContext(runId, entityType, entityId, ids);
    }
}
