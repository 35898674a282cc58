package ai.revo.missioncontrol.activity;

import ai.revo.missioncontrol.platform.Actor;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** One row of the audit log: who did what to which entity, with the state before and after. */
public record AuditEntry(
        UUID id,
        long seq,
        Actor actor,
        String action,
        String entityType,
        String entityId,
        JsonNode before,
        JsonNode after,
        String requestId,
        String clientAddress,
        Instant timestamp) {}
