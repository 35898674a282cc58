package ai.revo.missioncontrol.outbound;

import java.time.Instant;
import java.util.UUID;

/**
 * How much a workspace sends, for the instance operator: messages handed to a provider and messages the gateway
 * refused in the last 24 hours, handed over ever, and the last one sent.
 */
public record WorkspaceVolume(
        UUID workspaceId, long sentLastDay, long refusedLastDay, long sentTotal, Instant lastSentAt) {

    public static WorkspaceVolume none(UUID workspaceId) {
        return new WorkspaceVolume(workspaceId, 0, 0, 0, null);
    }
}
