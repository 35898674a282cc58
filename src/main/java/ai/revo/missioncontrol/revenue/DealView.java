package ai.revo.missioncontrol.revenue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A deal as clients read it. {@code weightedAmount} is {@code amount × probability / 100}, half-up to the currency's
 * minor unit; {@code listAmount} is what discounts are measured from.
 */
public record DealView(
        UUID id,
        String name,
        UUID contactId,
        String contactName,
        UUID leadId,
        UUID companyId,
        String companyName,
        BigDecimal amount,
        BigDecimal listAmount,
        String currency,
        BigDecimal weightedAmount,
        StageView stage,
        int probability,
        LocalDate expectedCloseDate,
        UUID ownerId,
        UUID sourceCampaignId,
        String nextStep,
        String lostReason,
        Instant stageEnteredAt,
        Instant closedAt,
        long version,
        Instant createdAt,
        Instant updatedAt) {}
