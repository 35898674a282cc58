package ai.revo.missioncontrol.drafts;

import java.math.BigDecimal;

/**
 * The confidence bands the inbox's filter offers: a model's confidence of at least 0.85, from 0.6 to 0.85, below
 * 0.6, or none (a template or a person wrote the draft).
 */
public enum ConfidenceBand {
    HIGH(new BigDecimal("0.85"), null),
    MEDIUM(new BigDecimal("0.6"), new BigDecimal("0.85")),
    LOW(null, new BigDecimal("0.6")),
    NONE(null, null);

    private final BigDecimal min;
    private final BigDecimal max;

    ConfidenceBand(BigDecimal min, BigDecimal max) {
        this.min = min;
        this.max = max;
    }

    /** The inbox filter for this band with the other criteria given. */
    public InboxFilter filter(
            java.util.UUID campaignId,
            ai.revo.missioncontrol.safety.Channel channel,
            String author,
            Priority priority,
            String q) {
        return new InboxFilter(campaignId, channel, author, min, max, this == NONE ? true : null, priority, q);
    }
}
