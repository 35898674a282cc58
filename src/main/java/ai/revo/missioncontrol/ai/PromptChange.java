package ai.revo.missioncontrol.ai;

import java.util.Map;

/** A new version of a prompt; null fields are copied from the active version. */
public record PromptChange(
        String systemTemplate,
        String template,
        String fallbackTemplate,
        Map<String, Object> outputSchema,
        String notes) {}
