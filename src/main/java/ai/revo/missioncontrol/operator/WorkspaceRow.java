package ai.revo.missioncontrol.operator;

import ai.revo.missioncontrol.identity.WorkspaceStanding;
import ai.revo.missioncontrol.identity.WorkspaceSummary;
import ai.revo.missioncontrol.outbound.WorkspaceVolume;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A workspace in the operator console: who it is, its users, what it sends and its standing. */
public record WorkspaceRow(
        UUID id,
        String name,
        Instant createdAt,
        boolean selfRegistered,
        String outboundAccess,
        boolean suspended,
        Instant suspendedAt,
        int userCount,
        List<String> adminEmails,
        Limits limits,
        WorkspaceVolume volume) {

    /** The workspace's own limits; null fields use the installation's defaults. */
    public record Limits(
            Integer hourlySendLimit, Integer dailySendLimit, Integer llmDailyRequests, Long llmDailyTokens) {}

    static WorkspaceRow of(WorkspaceSummary w, WorkspaceVolume volume) {
        WorkspaceStanding s = w.standing();
        return new WorkspaceRow(
                w.id().value(),
                w.name(),
                w.createdAt(),
                s.selfRegistered(),
                s.outboundAccess().name(),
                s.suspended(),
                s.suspendedAt(),
                w.userCount(),
                w.adminEmails(),
                new Limits(s.hourlySendLimit(), s.dailySendLimit(), s.llmDailyRequests(), s.llmDailyTokens()),
                volume == null ? WorkspaceVolume.none(w.id().value()) : volume);
    }
}
