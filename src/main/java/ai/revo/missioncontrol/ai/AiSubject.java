package ai.revo.missioncontrol.ai;

import java.util.Map;

/** A text to work on, its subject (may be null) and the merge variables that describe its reader. */
public record AiSubject(String text, String subject, Map<String, Object> variables) {

    public AiSubject {
        variables = variables == null ? Map.of() : variables;
    }
}
