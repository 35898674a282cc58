package ai.revo.missioncontrol.activity;

import java.time.Instant;

/** Optional filters of the audit log; {@code action} matches as a prefix, {@code actor} the actor's id or type. */
public record AuditFilter(
        String action, String entityType, String entityId, String actor, Instant since, Instant until) {}
