package ai.revo.missioncontrol.identity;

import java.time.Instant;

/**
 * A workspace's standing with the instance operator, as the outbound and AI gateways read it at every call.
 *
 * @param selfRegistered  created by self sign-up (not by the operator)
 * @param suspendedAt     when the operator suspended it; null when active
 * @param hourlySendLimit the operator's per-hour send limit for it; null: the installation's default
 * @param dailySendLimit  the operator's per-day send limit for it; null: the installation's default
 * @param llmDailyRequests model calls per day; null: the installation's default
 * @param llmDailyTokens  model tokens per day; null: the installation's default
 */
public record WorkspaceStanding(
        TenantId tenantId,
        boolean selfRegistered,
        OutboundAccess outboundAccess,
        Instant suspendedAt,
        Integer hourlySendLimit,
        Integer dailySendLimit,
        Integer llmDailyRequests,
        Long llmDailyTokens) {

    public boolean suspended() {
        return suspendedAt != null;
    }

    public boolean sandboxed() {
        return outboundAccess == OutboundAccess.SANDBOXED;
    }
}
