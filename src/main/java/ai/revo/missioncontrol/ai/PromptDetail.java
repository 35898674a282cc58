package ai.revo.missioncontrol.ai;

import java.util.List;
import java.util.Set;

/** A prompt key with its active version, every version (newest first) and the merge fields it uses. */
public record PromptDetail(
        String key,
        String description,
        boolean json,
        Set<String> variables,
        PromptView active,
        List<PromptView> versions) {}
