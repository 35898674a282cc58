package ai.revo.missioncontrol.revenue;

import java.util.UUID;

/** A stage as an admin sends it when editing the pipeline; {@code id} null for a new stage. */
public record StageDraft(UUID id, String name, Integer probability, String kind) {}
