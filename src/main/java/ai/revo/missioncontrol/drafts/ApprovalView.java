package ai.revo.missioncontrol.drafts;

import ai.revo.missioncontrol.platform.Actor;
import java.time.Instant;
import java.util.UUID;

/**
 * A decision taken on a draft, on which version; {@code contentSha256} fingerprints the exact content an approving
 * decision approved (null for the others and for decisions from before it was recorded).
 */
public record ApprovalView(
        UUID id,
        UUID draftId,
        Decision action,
        Actor actor,
        String notes,
        int version,
        String contentSha256,
        Instant createdAt) {}
