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
 * A lead in a sequence. It guards its moves: a person pauses an ACTIVE one and resumes a PAUSED one; a stop ends an
 * ACTIVE or PAUSED one for good with its reason; steps advance it only while ACTIVE, and the last step finishes it.
 */
@Table("sequence_enrolments")
class Enrolment extends AbstractAggregateRoot<Enrolment> {

    @Id
    private final UUID id;

    private final TenantId tenantId;
    private final UUID sequenceId;
    private final UUID leadId;
    private final UUID contactId;
    private EnrolmentStatus status;
    private int currentStep;
    private Instant nextStepAt;
    private String stoppedReason;

    @Version
    private Long version;

    private final Instant createdAt;
    private Instant updatedAt;

    @PersistenceCreator
    Enrolment(
            UUID id,
            TenantId tenantId,
            UUID sequenceId,
            UUID leadId,
            UUID contactId,
            EnrolmentStatus status,
            int currentStep,
            Instant nextStepAt,
            String stoppedReason,
            Long version,
            Instant createdAt,
            Instant updatedAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.sequenceId = sequenceId;
        this.leadId = leadId;
        this.contactId = contactId;
        this.status = status;
        this.currentStep = currentStep;
        this.nextStepAt = nextStepAt;
        this.stoppedReason = stoppedReason;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    static Enrolment enrol(
            TenantId tenant,
            UUID sequenceId,
            UUID campaignId,
            UUID leadId,
            UUID contactId,
            Instant firstStepAt,
            Actor actor,
            Instant now) {
        Enrolment e = new Enrolment(
                UUID.randomUUID(),
                tenant,
                sequenceId,
                leadId,
                contactId,
                EnrolmentStatus.ACTIVE,
                1,
                firstStepAt,
                null,
                null,
                now,
                now);
        e.registerEvent(new LeadEnrolled(tenant.value(), e.id, sequenceId, campaignId, leadId, firstStepAt, actor));
        return e;
    }

    void pause(Actor actor, Instant now) {
        require(EnrolmentStatus.ACTIVE, "paused");
        status = EnrolmentStatus.PAUSED;
        updatedAt = now;
        registerEvent(new EnrolmentPaused(tenantId.value(), id, sequenceId, leadId, null, actor));
    }

    /** Resumes a PAUSED enrolment; its next step is due at {@code nextAt} (not before now). */
    void resume(Instant nextAt, Actor actor, Instant now) {
        require(EnrolmentStatus.PAUSED, "resumed");
        status = EnrolmentStatus.ACTIVE;
        nextStepAt = nextAt.isBefore(now) ? now : nextAt;
        updatedAt = now;
        registerEvent(new EnrolmentResumed(tenantId.value(), id, sequenceId, leadId, null, actor));
    }

    /** Stops an ACTIVE or PAUSED enrolment for good; false when it had already ended (nothing changes). */
    boolean stop(String reason, Actor actor, Instant now) {
        if (!isOpen()) {
            return false;
        }
        status = EnrolmentStatus.STOPPED;
        stoppedReason = reason;
        nextStepAt = null;
        updatedAt = now;
        registerEvent(new EnrolmentStopped(tenantId.value(), id, sequenceId, leadId, reason, actor));
        return true;
    }

    /** The step at {@code position} ran: the next one is due at {@code nextAt}. */
    void advance(int position, Instant nextAt, Instant now) {
        if (status != EnrolmentStatus.ACTIVE || position != currentStep) {
            throw new IllegalStateException("enrolment " + id + " is not at step " + position + " and ACTIVE");
        }
        currentStep = position + 1;
        nextStepAt = nextAt;
        updatedAt = now;
    }

    /** The last step ran. */
    void finish(int position, Instant now) {
        if (status != EnrolmentStatus.ACTIVE || position != currentStep) {
            throw new IllegalStateException("enrolment " + id + " is not at step " + position + " and ACTIVE");
        }
        status = EnrolmentStatus.FINISHED;
        nextStepAt = null;
        updatedAt = now;
        registerEvent(new EnrolmentFinished(tenantId.value(), id, sequenceId, leadId, null, Actor.system()));
    }

    /** The due step waits (send window, a paused sequence or campaign, an open draft) until {@code until}. */
    void hold(Instant until, Instant now) {
        nextStepAt = until;
        updatedAt = now;
    }

    boolean isOpen() {
        return status == EnrolmentStatus.ACTIVE || status == EnrolmentStatus.PAUSED;
    }

    private void require(EnrolmentStatus expected, String verb) {
        if (status != expected) {
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    "Only a " + expected + " enrolment can be " + verb + "; this one is " + status,
                    Map.of("status", status.name()));
        }
    }

    UUID id() {
        return id;
    }

    UUID sequenceId() {
        return sequenceId;
    }

    UUID leadId() {
        return leadId;
    }

    UUID contactId() {
        return contactId;
    }

    EnrolmentStatus status() {
        return status;
    }

    int currentStep() {
        return currentStep;
    }

    Instant nextStepAt() {
        return nextStepAt;
    }

    EnrolmentView view() {
        return new EnrolmentView(
                id, sequenceId, leadId, status, currentStep, nextStepAt, stoppedReason, createdAt, updatedAt);
    }
}
