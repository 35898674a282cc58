package ai.revo.missioncontrol.contacts;

import java.math.BigDecimal;
import java.util.UUID;

/** A change to a lead; null fields stay as they are. */
public record LeadChange(
        LeadStatus status,
        Score score,
        String scoreReason,
        BigDecimal potentialValue,
        String currency,
        BigDecimal sentiment,
        UUID ownerId,
        String nextAction) {

    public static LeadChange none() {
        return new LeadChange(null, null, null, null, null, null, null, null);
    }
}
