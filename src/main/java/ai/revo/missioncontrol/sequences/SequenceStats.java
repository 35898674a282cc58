package ai.revo.missioncontrol.sequences;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.ApiException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A sequence's statistics: enrolments per status, every step's funnel, every variant's rates and, for a step with
 * variants, its A/B test (reply, open and click rates, leader against the others) with the winner once declared.
 */
@Service
public class SequenceStats {

    /** The level and minimum shown when the sequence has no winner-takes-all rule. */
    static final double DEFAULT_LEVEL = 0.05;

    static final int DEFAULT_MINIMUM = 100;

    private final SequenceRepository sequences;
    private final StepCounts counts;
    private final Clock clock;

    SequenceStats(SequenceRepository sequences, StepCounts counts, Clock clock) {
        this.sequences = sequences;
        this.counts = counts;
        this.clock = clock;
    }

    /** 404 for an unknown sequence. */
    @Transactional(readOnly = true)
    public SequenceStatsView stats(TenantId tenant, UUID sequenceId) {
        SequenceView sequence = sequences
                .findByTenantIdAndId(tenant, sequenceId)
                .orElseThrow(() -> ApiException.notFound("Sequence", sequenceId))
                .view();
        List<StepCounts.Row> rows = counts.rows(tenant, sequenceId, null);
        Map<UUID, StepCounts.Winner> winners = counts.winners(tenant, sequenceId);
        Map<String, Long> enrolments = counts.enrolments(tenant, sequenceId);
        SequenceView.WinnerRule rule = sequence.winnerTakesAll();
        double level = rule == null ? DEFAULT_LEVEL : rule.significance();
        int minimum = rule == null ? DEFAULT_MINIMUM : rule.minimumSends();
        List<SequenceStatsView.StepStats> steps = new ArrayList<>();
        for (SequenceView.Step step : sequence.steps()) {
            List<StepCounts.Row> ofStep =
                    rows.stream().filter(r -> r.stepId().equals(step.id())).toList();
            StepCounts.Winner winner = winners.get(step.id());
            List<SequenceStatsView.VariantStats> variants = new ArrayList<>();
            List<AbVerdict.Arm> arms = new ArrayList<>();
            for (SequenceView.Variant v : step.variants()) {
                StepCounts.Row row = sum(
                        step.id(),
                        v.id(),
                        ofStep.stream()
                                .filter(r -> v.id().equals(r.variantId()))
                                .toList());
                arms.add(row.arm());
                variants.add(new SequenceStatsView.VariantStats(
                        v.id(),
                        v.weight(),
                        v.subject(),
                        winner != null && winner.variantId().equals(v.id()),
                        view(row)));
            }
            SequenceStatsView.AbTest test = null;
            if (step.variants().size() >= 2) {
                SequenceStatsView.Metric replies = AbVerdict.metric("REPLY_RATE", arms, AbVerdict.Arm::replied, level);
                test = new SequenceStatsView.AbTest(
                        AbVerdict.verdict(arms, replies, minimum),
                        level,
                        minimum,
                        rule != null,
                        List.of(
                                replies,
                                AbVerdict.metric("OPEN_RATE", arms, AbVerdict.Arm::opened, level),
                                AbVerdict.metric("CLICK_RATE", arms, AbVerdict.Arm::clicked, level)),
                        winner == null ? null : winner.variantId(),
                        winner == null ? null : winner.declaredAt());
            }
            steps.add(new SequenceStatsView.StepStats(
                    step.id(), step.position(), step.kind(), view(sum(step.id(), null, ofStep)), variants, test));
        }
        long enrolled = enrolments.values().stream().mapToLong(Long::longValue).sum();
        return new SequenceStatsView(sequenceId, enrolled, enrolments, steps, clock.instant());
    }

    private static StepCounts.Row sum(UUID stepId, UUID variantId, List<StepCounts.Row> rows) {
        long[] t = new long[11];
        for (StepCounts.Row r : rows) {
            long[] v = {
                r.reached(),
                r.skipped(),
                r.messages(),
                r.sent(),
                r.failed(),
                r.withdrawn(),
                r.opened(),
                r.clicked(),
                r.replied(),
                r.bounced(),
                r.unsubscribed()
            };
            for (int i = 0; i < t.length; i++) {
                t[i] += v[i];
            }
        }
        return new StepCounts.Row(stepId, variantId, t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], t[9], t[10]);
    }

    private static SequenceStatsView.Counts view(StepCounts.Row r) {
        return new SequenceStatsView.Counts(
                r.reached(),
                r.skipped(),
                r.messages(),
                r.sent(),
                r.failed(),
                r.withdrawn(),
                r.opened(),
                r.clicked(),
                r.replied(),
                r.bounced(),
                r.unsubscribed(),
                rate(r.opened(), r.sent()),
                rate(r.clicked(), r.sent()),
                rate(r.replied(), r.sent()));
    }

    private static Double rate(long x, long n) {
        return n == 0 ? null : (double) x / n;
    }
}
