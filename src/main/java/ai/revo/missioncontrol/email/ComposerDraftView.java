package ai.revo.missioncontrol.email;

import java.time.Instant;
import java.util.UUID;

/**
 * A composer draft: {@code prospectId} is a lead of the workspace, {@code bodyHtml} is sanitised and {@code bodyText}
 * is the text part (derived from the HTML when the client gave none).
 */
public record ComposerDraftView(
        UUID id,
        UUID prospectId,
        UUID campaignId,
        UUID templateId,
        String subject,
        String bodyHtml,
        String bodyText,
        String createdBy,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    /** The answer of a save: the id and when it was saved. */
    public record Saved(UUID id, Instant updatedAt) {}
}
