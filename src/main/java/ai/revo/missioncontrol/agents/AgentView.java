package ai.revo.missioncontrol.agents;

import java.time.Instant;
import java.util.UUID;

/** An agent as the API and the pages show it. */
public record AgentView(
        UUID id,
        String key,
        String name,
        String description,
        AgentStatus status,
        String statusReason,
        UUID currentTaskId,
        Instant lastRunAt,
        String lastError,
        Instant updatedAt) {}
