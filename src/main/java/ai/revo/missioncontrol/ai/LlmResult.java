package ai.revo.missioncontrol.ai;

import java.util.Map;

/**
 * The answer of one {@link LlmGateway#generate} call. {@code text} is the raw text (for JSON prompts, the JSON
 * document); {@code json} is the parsed and schema-checked object for JSON prompts, else null. {@code model} is
 * {@code template} when the deterministic fallback template produced the output. {@code confidence} (0..1) is the
 * model's own evaluation when the prompt asks for one, else null; a template has none, whatever its JSON says.
 * {@code templateApprovedForAutomaticUse}: a template produced it and a person approved that prompt version's
 * fallback for automatic use. {@code grounding}: the knowledge passages the model was given with the prompt (none
 * when a template produced it: a template uses no passage).
 */
public record LlmResult(
        String text,
        Map<String, Object> json,
        String model,
        String promptKey,
        int promptVersion,
        String promptHash,
        long latencyMs,
        Integer inputTokens,
        Integer outputTokens,
        Double confidence,
        boolean templateApprovedForAutomaticUse,
        Grounding grounding) {

    public LlmResult {
        grounding = grounding == null ? Grounding.none() : grounding;
    }

    public static final String TEMPLATE_MODEL = "template";

    public boolean fromTemplate() {
        return TEMPLATE_MODEL.equals(model);
    }

    /** A string field of the JSON answer, or null. */
    public String field(String name) {
        Object value = json == null ? null : json.get(name);
        return value == null ? null : String.valueOf(value);
    }
}
