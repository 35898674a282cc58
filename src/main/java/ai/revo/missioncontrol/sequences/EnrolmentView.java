package ai.revo.missioncontrol.sequences;

import java.time.Instant;
import java.util.UUID;

/** A lead's enrolment in a sequence: its state, the position of its next step and when that step is due. */
public record EnrolmentView(
        UUID id,
        UUID sequenceId,
        UUID leadId,
        EnrolmentStatus status,
        int currentStep,
        Instant nextStepAt,
        String stoppedReason,
        Instant createdAt,
        Instant updatedAt) {}
