/**
 * Owns the LLM gateway (any OpenAI-compatible endpoint, or the offline template mode), prompts as versioned data,
 * the log of every LLM call, merge-field templates, the deterministic content scorer and text embeddings
 * ({@link ai.revo.missioncontrol.ai.Embeddings}: in-process all-MiniLM-L6-v2, or an OpenAI-compatible endpoint). Knows no business module:
 * callers pass the variables a prompt needs.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "AI",
        allowedDependencies = {"identity"})
package ai.revo.missioncontrol.ai;
