package ai.revo.missioncontrol.agents;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorCode;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/** One AI agent of a workspace. An admin pauses and resumes it; a paused agent takes no work. */
@Table("agents")
class Agent extends AbstractAggregateRoot<Agent> {

    @Id
    private final UUID id;

    private final TenantId tenantId;
    private final String key;
    private final String name;
    private final String description;
    private AgentStatus status;
    private String statusReason;
    private UUID currentTaskId;
    private Instant lastRunAt;
    private String lastError;

    @Version
    private Long version;

    private final Instant createdAt;
    private Instant updatedAt;

    @PersistenceCreator
    Agent(
            UUID id,
            TenantId tenantId,
            String key,
            String name,
            String description,
            AgentStatus status,
            String statusReason,
            UUID currentTaskId,
            Instant lastRunAt,
            String lastError,
            Long version,
            Instant createdAt,
            Instant updatedAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.key = key;
        this.name = name;
        this.description = description;
        this.status = status;
        this.statusReason = statusReason;
        this.currentTaskId = currentTaskId;
        this.lastRunAt = lastRunAt;
        this.lastError = lastError;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /** Pause (from any status but PAUSED) or resume (PAUSED to IDLE); the only moves a person makes. */
    void setByAdmin(AgentStatus target, Actor admin, Instant now) {
        if (target != AgentStatus.PAUSED && target != AgentStatus.IDLE) {
            throw ApiException.invalidField("status", "must be PAUSED (pause) or IDLE (resume)");
        }
        if (target == status) {
            return;
        }
        if (target == AgentStatus.IDLE && status != AgentStatus.PAUSED) {
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    "Only a paused agent can be resumed; this one is " + status,
                    Map.of("status", status.name()));
        }
        AgentStatus from = status;
        status = target;
        statusReason = target == AgentStatus.PAUSED ? "Paused by " + admin.name() : null;
        currentTaskId = target == AgentStatus.PAUSED ? null : currentTaskId;
        updatedAt = now;
        registerEvent(new AgentStatusChanged(tenantId.value(), id, key, from, status, statusReason, admin));
    }

    /** A run starts: RUNNING, unless an admin paused the agent meanwhile. */
    void startWork(Instant now) {
        if (status == AgentStatus.PAUSED || status == AgentStatus.RUNNING) {
            return;
        }
        move(AgentStatus.RUNNING, null, now);
    }

    /** A run ends: IDLE when it went well, BLOCKED with the reason when it failed; a pause stays. */
    void finishWork(String error, Instant now) {
        lastRunAt = now;
        lastError = error;
        if (status == AgentStatus.PAUSED) {
            updatedAt = now;
            return;
        }
        if (error == null) {
            move(AgentStatus.IDLE, null, now);
        } else {
            move(AgentStatus.BLOCKED, error.length() > 500 ? error.substring(0, 499) + "…" : error, now);
        }
    }

    boolean isPaused() {
        return status == AgentStatus.PAUSED;
    }

    String key() {
        return key;
    }

    String name() {
        return name;
    }

    private void move(AgentStatus target, String reason, Instant now) {
        AgentStatus from = status;
        boolean same = from == target && java.util.Objects.equals(reason, statusReason);
        status = target;
        statusReason = reason;
        updatedAt = now;
        if (!same) {
            registerEvent(new AgentStatusChanged(tenantId.value(), id, key, from, status, reason, Actor.system()));
        }
    }

    AgentView view() {
        return new AgentView(
                id, key, name, description, status, statusReason, currentTaskId, lastRunAt, lastError, updatedAt);
    }
}
