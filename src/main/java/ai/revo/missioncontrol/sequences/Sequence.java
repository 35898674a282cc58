package ai.revo.missioncontrol.sequences;

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

/**
 * A campaign's sequence. It guards its name, its status moves (DRAFT to ACTIVE needs a step; ARCHIVED is final) and
 * the approval of its content: an admin's activation approves the steps as they are, and any change of the steps
 * withdraws that approval.
 */
@Table("sequences")
class Sequence extends AbstractAggregateRoot<Sequence> {

    static final int MAX_NAME = 200;

    @Id
    private final UUID id;

    private final TenantId tenantId;
    private final UUID campaignId;
    private String name;
    private SequenceStatus status;
    private SequenceSteps steps;
    private String contentApprovedBy;
    private Instant contentApprovedAt;
    private Winner winnerTakesAll;

    @Version
    private Long version;

    private final Instant createdAt;
    private Instant updatedAt;

    /** The winner-takes-all rule as stored (jsonb). */
    record Winner(int minimumSends, double significance) {}

    @PersistenceCreator
    Sequence(
            UUID id,
            TenantId tenantId,
            UUID campaignId,
            String name,
            SequenceStatus status,
            SequenceSteps steps,
            String contentApprovedBy,
            Instant contentApprovedAt,
            Winner winnerTakesAll,
            Long version,
            Instant createdAt,
            Instant updatedAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.campaignId = campaignId;
        this.name = name;
        this.status = status;
        this.steps = steps == null ? SequenceSteps.NONE : steps;
        this.contentApprovedBy = contentApprovedBy;
        this.contentApprovedAt = contentApprovedAt;
        this.winnerTakesAll = winnerTakesAll;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    static Sequence create(
            TenantId tenant,
            UUID campaignId,
            String name,
            SequenceSteps steps,
            Winner winner,
            Actor actor,
            Instant now) {
        Sequence s = new Sequence(
                UUID.randomUUID(),
                tenant,
                campaignId,
                checkedName(name),
                SequenceStatus.DRAFT,
                steps,
                null,
                null,
                winner,
                null,
                now,
                now);
        s.registerEvent(new SequenceCreated(
                tenant.value(), s.id, campaignId, s.name, s.steps.values().size(), actor));
        return s;
    }

    /** Renames and/or replaces the steps and the winner rule (nulls keep them); refused once ARCHIVED. */
    void edit(String newName, SequenceSteps newSteps, Winner winner, boolean changeWinner, Actor actor, Instant now) {
        if (newName == null && newSteps == null && !changeWinner) {
            return;
        }
        if (status == SequenceStatus.ARCHIVED) {
            throw new ApiException(
                    ErrorCode.CONFLICT, "An archived sequence cannot be changed", Map.of("status", status.name()));
        }
        boolean stepsChanged = newSteps != null && !newSteps.equals(steps);
        if (newName != null) {
            name = checkedName(newName);
        }
        if (stepsChanged) {
            steps = newSteps;
            // what an admin approved is no longer what would be sent
            contentApprovedBy = null;
            contentApprovedAt = null;
        }
        if (changeWinner) {
            winnerTakesAll = winner;
        }
        updatedAt = now;
        registerEvent(new SequenceEdited(
                tenant(), id, campaignId, name, stepsChanged, steps.values().size(), actor));
    }

    /** Moves to {@code target}; an admin's activation approves the steps as they are. 409 for a move not allowed. */
    void moveTo(SequenceStatus target, boolean byAdmin, Actor actor, Instant now) {
        if (target == status) {
            return;
        }
        boolean allowed = switch (status) {
            case DRAFT -> target == SequenceStatus.ACTIVE || target == SequenceStatus.ARCHIVED;
            case ACTIVE -> target == SequenceStatus.PAUSED || target == SequenceStatus.ARCHIVED;
            case PAUSED -> target == SequenceStatus.ACTIVE || target == SequenceStatus.ARCHIVED;
            case ARCHIVED -> false;
        };
        if (!allowed) {
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    "A sequence cannot move from " + status + " to " + target,
                    Map.of("status", status.name(), "target", target.name()));
        }
        if (target == SequenceStatus.ACTIVE && steps.values().isEmpty()) {
            throw new ApiException(
                    ErrorCode.CONFLICT, "A sequence needs at least one step to be activated", Map.of("steps", 0));
        }
        SequenceStatus from = status;
        status = target;
        if (target == SequenceStatus.ACTIVE && byAdmin) {
            contentApprovedBy = actor.name() == null ? actor.id() : actor.name();
            contentApprovedAt = now;
        }
        updatedAt = now;
        registerEvent(new SequenceStatusChanged(tenant(), id, campaignId, from, target, actor));
    }

    private java.util.UUID tenant() {
        return tenantId.value();
    }

    private static String checkedName(String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalidField("name", "is required");
        }
        if (value.strip().length() > MAX_NAME) {
            throw ApiException.invalidField("name", "must be at most " + MAX_NAME + " characters");
        }
        return value.strip();
    }

    UUID id() {
        return id;
    }

    UUID campaignId() {
        return campaignId;
    }

    SequenceStatus status() {
        return status;
    }

    SequenceSteps steps() {
        return steps;
    }

    SequenceView view() {
        return new SequenceView(
                id,
                campaignId,
                name,
                status,
                steps.values(),
                contentApprovedBy,
                contentApprovedAt,
                winnerTakesAll == null
                        ? null
                        : new SequenceView.WinnerRule(winnerTakesAll.minimumSends(), winnerTakesAll.significance()),
                createdAt,
                updatedAt);
    }
}
