package ai.revo.missioncontrol.agents;

import java.time.Instant;
import java.util.UUID;

/** What a run did with one item: DONE, SKIPPED (with the pre-check that stopped it) or FAILED (with why). */
public record RunItemView(
        UUID id,
        int attempt,
        String itemType,
        String itemId,
        String label,
        String outcome,
        String message,
        UUID draftId,
        boolean flagged,
        Instant createdAt) {}
