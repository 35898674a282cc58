/**
 * Owns the LLM gateway (any OpenAI-compatible endpoint, or the offline template mode), prompts as versioned data,
 * the log of every LLM call, merge-field templates and the deterministic content scorer. Knows no business module:
 * callers pass the variables a prompt needs.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "AI",
        allowedDependencies = {"identity"})
package ai.revo.missioncontrol.ai;
