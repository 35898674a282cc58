package ai.revo.missioncontrol.identity;

import java.time.Instant;
import java.util.List;

/** One workspace as the instance operator's console lists it: its standing and its users. */
public record WorkspaceSummary(
        TenantId id,
        String name,
        Instant createdAt,
        int userCount,
        List<String> adminEmails,
        WorkspaceStanding standing) {}
