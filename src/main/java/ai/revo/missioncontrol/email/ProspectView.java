package ai.revo.missioncontrol.email;

import java.time.Instant;
import java.util.UUID;

/** A lead of a campaign as a prospect: who, where in the pipeline, and what became of the last email to them. */
public record ProspectView(
        UUID leadId,
        UUID contactId,
        String name,
        String email,
        String company,
        String leadStatus,
        LastEmail lastEmail,
        boolean opened,
        boolean replied) {

    /** The most recent email to the prospect in this campaign, or null when none was queued. */
    public record LastEmail(UUID id, String subject, String status, Instant sentAt, Instant createdAt) {}
}
