package ai.revo.missioncontrol.sequences;

import java.util.List;
import java.util.UUID;

/** What an enrolment request did: the enrolments made and the leads left out with why. */
public record EnrolOutcome(List<EnrolmentView> enrolled, List<Skipped> skipped) {

    public record Skipped(UUID leadId, String reason) {}
}
