package ai.revo.missioncontrol.drafts;

import java.time.Instant;
import java.util.UUID;

import ai.revo.missioncontrol.platform.Actor;

/** A decision taken on a draft, on which version. */
public record ApprovalView(UUID id, UUID draftId, Decision action, Actor actor, String notes, int version,
        Instant createdAt) {
}
