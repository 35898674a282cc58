package ai.revo.missioncontrol.identity;

import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the instance operator did to a workspace; each fact is its own record below. Published in the transaction
 * that changes the standing, so it lands in the workspace's own feed and audit log.
 */
public sealed interface WorkspaceStandingChanged extends MissionEvent {

    WorkspaceStanding before();

    WorkspaceStanding after();

    @Override
    default EventCategory category() {
        return EventCategory.SAFETY;
    }

    @Override
    default String entityType() {
        return "workspace";
    }

    @Override
    default String entityId() {
        return tenantId().toString();
    }

    @Override
    default Map<String, Object> payload() {
        return describe(after());
    }

    @Override
    default Object auditBefore() {
        return describe(before());
    }

    @Override
    default Object auditAfter() {
        return describe(after());
    }

    private static Map<String, Object> describe(WorkspaceStanding s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outboundAccess", s.outboundAccess().name());
        m.put("suspended", s.suspended());
        m.put("hourlySendLimit", s.hourlySendLimit());
        m.put("dailySendLimit", s.dailySendLimit());
        m.put("llmDailyRequests", s.llmDailyRequests());
        m.put("llmDailyTokens", s.llmDailyTokens());
        return m;
    }

    /** {@code workspace.suspended}: nobody signs in, nothing is sent. */
    record WorkspaceSuspended(
            java.util.UUID tenantId,
            WorkspaceStanding before,
            WorkspaceStanding after,
            ai.revo.missioncontrol.platform.Actor actor)
            implements WorkspaceStandingChanged {
        @Override
        public String type() {
            return "workspace.suspended";
        }
    }

    /** {@code workspace.reinstated}: a suspension was lifted. */
    record WorkspaceReinstated(
            java.util.UUID tenantId,
            WorkspaceStanding before,
            WorkspaceStanding after,
            ai.revo.missioncontrol.platform.Actor actor)
            implements WorkspaceStandingChanged {
        @Override
        public String type() {
            return "workspace.reinstated";
        }
    }

    /** {@code workspace.outbound_approved}: the workspace may reach anyone, within its limits. */
    record WorkspaceOutboundApproved(
            java.util.UUID tenantId,
            WorkspaceStanding before,
            WorkspaceStanding after,
            ai.revo.missioncontrol.platform.Actor actor)
            implements WorkspaceStandingChanged {
        @Override
        public String type() {
            return "workspace.outbound_approved";
        }
    }

    /** {@code workspace.sandboxed}: back to reaching only its own users. */
    record WorkspaceSandboxed(
            java.util.UUID tenantId,
            WorkspaceStanding before,
            WorkspaceStanding after,
            ai.revo.missioncontrol.platform.Actor actor)
            implements WorkspaceStandingChanged {
        @Override
        public String type() {
            return "workspace.sandboxed";
        }
    }

    /** {@code workspace.limits_set}: the operator set the workspace's own send and model limits. */
    record WorkspaceLimitsSet(
            java.util.UUID tenantId,
            WorkspaceStanding before,
            WorkspaceStanding after,
            ai.revo.missioncontrol.platform.Actor actor)
            implements WorkspaceStandingChanged {
        @Override
        public String type() {
            return "workspace.limits_set";
        }
    }
}
