package ai.revo.missioncontrol.contacts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A lead with its contact, as the API shows it. {@code effectiveScore} is the override when set. */
public record LeadView(
        UUID id,
        UUID campaignId,
        UUID contactId,
        ContactSummary contact,
        LeadStatus status,
        Score score,
        String scoreReason,
        Score scoreOverride,
        String scoreOverrideReason,
        Score effectiveScore,
        BigDecimal potentialValue,
        String currency,
        BigDecimal sentiment,
        UUID ownerId,
        Instant lastContactedAt,
        String nextAction,
        Instant createdAt,
        Instant updatedAt) {

    /** The contact fields a lead list needs. */
    public record ContactSummary(
            String firstName, String lastName, String email, String phone, String company, String jobTitle) {}
}
