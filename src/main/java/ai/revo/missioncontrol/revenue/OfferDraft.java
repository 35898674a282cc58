package ai.revo.missioncontrol.revenue;

import java.math.BigDecimal;

/**
 * An offer or counter-offer as a client records it: {@code who} US or THEM, {@code by} PERSON (default) or AGENT
 * (with {@code agentName}), an amount or a discount percent from the deal's list amount (or both, agreeing), terms,
 * payment terms in days, the channel and a note. {@code exceptionReason}: an admin's reason for a discount of ours
 * above the cap.
 */
public record OfferDraft(
        String who,
        String by,
        String agentName,
        BigDecimal amount,
        BigDecimal discountPercent,
        String terms,
        Integer paymentTermsDays,
        String channel,
        String note,
        String exceptionReason) {}
