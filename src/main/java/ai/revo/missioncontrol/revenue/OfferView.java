package ai.revo.missioncontrol.revenue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One offer on a deal; {@code exceptionReason}/{@code exceptionBy} are set when an admin allowed a discount above the cap. */
public record OfferView(
        UUID id,
        UUID dealId,
        String who,
        String by,
        String authorName,
        BigDecimal amount,
        BigDecimal listAmount,
        String currency,
        BigDecimal discountPercent,
        BigDecimal capPercent,
        String terms,
        Integer paymentTermsDays,
        String channel,
        String note,
        String exceptionReason,
        String exceptionBy,
        Instant createdAt) {}
