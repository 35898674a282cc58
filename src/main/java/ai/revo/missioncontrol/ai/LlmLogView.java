package ai.revo.missioncontrol.ai;

import java.time.Instant;
import java.util.UUID;

/**
 * One logged LLM call. {@code model} is {@code template} for template-mode calls; {@code outcome} is SUCCEEDED or
 * FAILED, a failure with the {@link LlmException.Kind} name in {@code errorKind} and a readable {@code error}.
 * {@code chunkIds}: the knowledge passages the model was given with the prompt (empty when none).
 */
public record LlmLogView(
        UUID id,
        UUID runId,
        String entityType,
        String entityId,
        String promptKey,
        Integer promptVersion,
        String promptHash,
        String model,
        long latencyMs,
        Integer inputTokens,
        Integer outputTokens,
        int attempts,
        String outcome,
        String errorKind,
        String error,
        java.util.List<UUID> chunkIds,
        Instant createdAt) {

    public boolean succeeded() {
        return "SUCCEEDED".equals(outcome);
    }

    public boolean fromTemplate() {
        return LlmResult.TEMPLATE_MODEL.equals(model);
    }
}
