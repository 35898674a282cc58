package ai.revo.missioncontrol.email;

import java.time.Instant;
import java.util.UUID;

/**
 * An email as the API shows it. {@code messageId} is the RFC 5322 Message-ID this product generated for it (also the
 * provider message id once sent); {@code draftId} is the composer draft or the approval-inbox draft it came from.
 */
public record EmailView(
        UUID id,
        UUID draftId,
        String source,
        UUID campaignId,
        UUID leadId,
        UUID templateId,
        String fromEmail,
        String toEmail,
        String subject,
        EmailStatus status,
        String reason,
        String messageId,
        String providerMessageId,
        int attempts,
        Instant nextAttemptAt,
        Instant sentAt,
        Instant firstOpenedAt,
        Instant firstClickedAt,
        Instant firstRepliedAt,
        Instant createdAt,
        Instant updatedAt) {}
