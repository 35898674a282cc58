package ai.revo.missioncontrol.sequences;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a sequence did, per step and per A/B variant. Every count comes from the step runs: {@code reached} the leads
 * whose enrolment got to the step, {@code skipped} those its condition left out, {@code messages} the emails it
 * filed, {@code sent} those that went out (a dry run's simulated send counts), {@code failed} those refused or
 * failed for good, {@code withdrawn} those a stop took back. {@code opened}, {@code clicked}, {@code replied},
 * {@code bounced} and {@code unsubscribed} count sent emails only, so every rate is over {@code sent} (null while
 * nothing was sent). Opens come from the tracking pixel (over-counted by clients that preload images, missed where
 * images are blocked); replies are email replies matched to the step's own email (a reply on another channel stops
 * the lead but belongs to no step).
 */
public record SequenceStatsView(
        UUID sequenceId, long enrolled, Map<String, Long> enrolments, List<StepStats> steps, Instant computedAt) {

    public record StepStats(
            UUID stepId, int position, StepKind kind, Counts counts, List<VariantStats> variants, AbTest abTest) {}

    public record VariantStats(UUID variantId, int weight, String subject, boolean winner, Counts counts) {}

    public record Counts(
            long reached,
            long skipped,
            long messages,
            long sent,
            long failed,
            long withdrawn,
            long opened,
            long clicked,
            long replied,
            long bounced,
            long unsubscribed,
            Double openRate,
            Double clickRate,
            Double replyRate) {}

    /**
     * The A/B test of a step with variants. {@code verdict} (on the reply rate): NOT_ENOUGH_DATA until every variant
     * has {@code minimumSends} sends, then SIGNIFICANT when the leader beats every other variant at
     * {@code significance} (Bonferroni-corrected for more than two variants), else NOT_SIGNIFICANT. {@code winner} is
     * set once winner-takes-all declared one: every later lead of the step gets it.
     */
    public record AbTest(
            String verdict,
            double significance,
            int minimumSends,
            boolean winnerTakesAll,
            List<Metric> metrics,
            UUID winner,
            Instant winnerDeclaredAt) {}

    /** One rate's test: the variant with the highest rate against each other variant. */
    public record Metric(String metric, UUID leader, boolean significant, List<Comparison> comparisons) {}

    /** The leader against one variant: z, the two-sided p-value, and that p times the number of comparisons. */
    public record Comparison(UUID variantId, Double z, Double pValue, Double adjustedPValue) {}
}
