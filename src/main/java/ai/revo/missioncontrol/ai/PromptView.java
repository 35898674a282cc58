package ai.revo.missioncontrol.ai;

import java.time.Instant;
import java.util.Map;

/**
 * One version of a workspace's prompt. {@code outputSchema} is null for text prompts; a JSON prompt's answer is
 * checked against it and its {@code fallbackTemplate} is a JSON object whose string values are merge templates.
 */
public record PromptView(
        String key,
        int version,
        String systemTemplate,
        String template,
        String fallbackTemplate,
        Map<String, Object> outputSchema,
        boolean active,
        String notes,
        String createdBy,
        Instant createdAt,
        String automaticUseApprovedBy,
        Instant automaticUseApprovedAt) {

    /** Whether a person approved this version's fallback template for automatic use (auto-approval of its drafts). */
    public boolean approvedForAutomaticUse() {
        return automaticUseApprovedAt != null;
    }

    public boolean json() {
        return outputSchema != null;
    }
}
