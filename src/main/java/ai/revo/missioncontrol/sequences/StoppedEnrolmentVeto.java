package ai.revo.missioncontrol.sequences;

import ai.revo.missioncontrol.email.EmailSendVeto;
import ai.revo.missioncontrol.email.EmailView;
import ai.revo.missioncontrol.identity.TenantId;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * An email a sequence step produced goes only while its enrolment is not STOPPED: asked by the email worker under
 * the email's row lock before each attempt, reading the enrolment with a share lock, so a stop that committed first
 * blocks the email even when it was already queued (approved, waiting for the window or a cap).
 */
@Component
class StoppedEnrolmentVeto implements EmailSendVeto {

    private final StepRuns runs;

    StoppedEnrolmentVeto(StepRuns runs) {
        this.runs = runs;
    }

    @Override
    public Optional<String> refusal(TenantId tenant, EmailView email) {
        return runs.enrolmentOf(tenant, email.id(), email.draftId())
                .filter(state -> EnrolmentStatus.STOPPED.name().equals(state[0]) || state[2] != null)
                .map(state -> "Refused: its sequence message was withdrawn (" + state[1] + ")");
    }
}
