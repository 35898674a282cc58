package ai.revo.missioncontrol.sequences;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.ToLongFunction;

/**
 * Reads an A/B test off the variants' counts: per rate, the leader (highest rate) against every other variant with
 * the two-proportion test; significant when every comparison's p-value, multiplied by the number of comparisons
 * (Bonferroni), is below the level. The verdict is on the reply rate, and waits until each variant has the minimum
 * number of sends.
 */
final class AbVerdict {

    static final String NOT_ENOUGH_DATA = "NOT_ENOUGH_DATA";
    static final String NOT_SIGNIFICANT = "NOT_SIGNIFICANT";
    static final String SIGNIFICANT = "SIGNIFICANT";

    /** A variant's sends and successes, as the test reads them. */
    record Arm(UUID variantId, long sent, long opened, long clicked, long replied) {}

    private AbVerdict() {}

    static SequenceStatsView.Metric metric(String name, List<Arm> arms, ToLongFunction<Arm> successes, double level) {
        Arm leader = null;
        for (Arm a : arms) {
            if (a.sent() > 0 && (leader == null || rate(a, successes) > rate(leader, successes))) {
                leader = a;
            }
        }
        if (leader == null || arms.size() < 2) {
            return new SequenceStatsView.Metric(name, null, false, List.of());
        }
        int comparisons = arms.size() - 1;
        boolean significant = true;
        List<SequenceStatsView.Comparison> out = new ArrayList<>();
        for (Arm a : arms) {
            if (a == leader) {
                continue;
            }
            TwoProportions t = TwoProportions.test(
                    successes.applyAsLong(leader), leader.sent(), successes.applyAsLong(a), a.sent());
            if (t == null) {
                significant = false;
                out.add(new SequenceStatsView.Comparison(a.variantId(), null, null, null));
                continue;
            }
            double adjusted = Math.min(1.0, t.pValue() * comparisons);
            significant &= t.z() > 0 && adjusted < level;
            out.add(new SequenceStatsView.Comparison(a.variantId(), t.z(), t.pValue(), adjusted));
        }
        return new SequenceStatsView.Metric(name, leader.variantId(), significant, out);
    }

    /** The verdict on the reply rate: NOT_ENOUGH_DATA, NOT_SIGNIFICANT or SIGNIFICANT. */
    static String verdict(List<Arm> arms, SequenceStatsView.Metric replies, int minimumSends) {
        if (arms.size() < 2 || arms.stream().anyMatch(a -> a.sent() < minimumSends)) {
            return NOT_ENOUGH_DATA;
        }
        return replies.significant() ? SIGNIFICANT : NOT_SIGNIFICANT;
    }

    static double rate(Arm a, ToLongFunction<Arm> successes) {
        return a.sent() == 0 ? 0 : (double) successes.applyAsLong(a) / a.sent();
    }
}
