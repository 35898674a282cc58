package ai.revo.missioncontrol.ai;

import java.util.Map;
import java.util.UUID;

/**
 * A text to work on, its subject (may be null), the merge variables that describe its reader and the campaign it
 * belongs to (null when none: the knowledge searched is then the whole workspace's).
 */
public record AiSubject(String text, String subject, Map<String, Object> variables, UUID campaignId) {

    public AiSubject {
        variables = variables == null ? Map.of() : variables;
    }

    public AiSubject(String text, String subject, Map<String, Object> variables) {
        this(text, subject, variables, null);
    }
}
