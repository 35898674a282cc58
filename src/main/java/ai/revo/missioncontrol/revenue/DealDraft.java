package ai.revo.missioncontrol.revenue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A deal as a client sends it. On create, {@code leadId} (a deal from a lead: its contact, value, campaign and owner)
 * or {@code contactId} is required; on change, a field left null stays as it is.
 */
public record DealDraft(
        UUID leadId,
        UUID contactId,
        String name,
        BigDecimal amount,
        BigDecimal listAmount,
        String currency,
        UUID stageId,
        Integer probability,
        LocalDate expectedCloseDate,
        UUID ownerId,
        UUID sourceCampaignId,
        String nextStep,
        String company) {}
