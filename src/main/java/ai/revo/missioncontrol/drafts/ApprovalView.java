package ai.revo.missioncontrol.drafts;

import ai.revo.missioncontrol.platform.Actor;
import java.time.Instant;
import java.util.UUID;

/** A decision taken on a draft, on which version. */
public record ApprovalView(
        UUID id, UUID draftId, Decision action, Actor actor, String notes, int version, Instant createdAt) {}
