package ai.revo.missioncontrol.revenue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A contract as clients read it. {@code body} is the current version's merged text; {@code versions} all of them,
 * oldest first. {@code reviewDraftId} is its draft in the approval inbox while (and after) it is reviewed.
 */
public record ContractView(
        UUID id,
        UUID dealId,
        String title,
        String template,
        String terms,
        ContractStatus status,
        int currentVersion,
        String body,
        List<Version> versions,
        UUID reviewDraftId,
        String reviewNotes,
        String reviewedBy,
        LocalDate expiresOn,
        Instant sentAt,
        String sentTo,
        Instant signedAt,
        String signedBy,
        String signedRecordedBy,
        String signedCopyName,
        Instant declinedAt,
        String declineReason,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public record Version(int number, String body, String reason, String author, Instant createdAt) {}
}
