package ai.revo.missioncontrol.ai;

import java.time.Instant;

/** A prompt key of a workspace with its active version, for lists. */
public record PromptSummary(
        String key, String description, int activeVersion, int versions, boolean json, Instant updatedAt) {}
