package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.platform.Actor;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A proposal of a deal for a lead. {@code amount} and {@code currency} are null when no amount was known;
 * {@code amountNote} says where the amount came from or why there is none.
 */
public record DealProposalView(
        UUID id,
        UUID leadId,
        UUID contactId,
        UUID campaignId,
        UUID runId,
        String name,
        BigDecimal amount,
        String currency,
        String amountNote,
        DealProposalStatus status,
        UUID reviewDraftId,
        UUID dealId,
        String decision,
        String notes,
        Actor decidedBy,
        Instant decidedAt,
        Instant createdAt) {}
