package ai.revo.missioncontrol.sequences;

import ai.revo.missioncontrol.identity.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Which variant of an A/B step a lead gets: the declared winner once there is one, else the deterministic split.
 * With winner-takes-all on, a winner is declared (once, in the step run's transaction, with its event) when every
 * variant has the minimum sends and the leader's reply rate beats every other at the sequence's level.
 */
@Component
class Winners {

    private final StepCounts counts;
    private final ApplicationEventPublisher events;

    Winners(StepCounts counts, ApplicationEventPublisher events) {
        this.counts = counts;
        this.events = events;
    }

    /** Null for a step without variants. */
    SequenceView.Variant pick(
            TenantId tenant, SequenceView sequence, SequenceView.Step step, UUID leadId, Instant now) {
        if (step.variants().isEmpty()) {
            return null;
        }
        SequenceView.WinnerRule rule = sequence.winnerTakesAll();
        if (rule != null && step.variants().size() >= 2) {
            UUID winner = counts.winner(tenant, sequence.id(), step.id()).orElse(null);
            if (winner == null) {
                winner = declareIfSignificant(tenant, sequence, step, rule, now);
            }
            for (SequenceView.Variant v : step.variants()) {
                if (v.id().equals(winner)) {
                    return v;
                }
            }
        }
        return Split.pick(leadId, step.id(), step.variants());
    }

    private UUID declareIfSignificant(
            TenantId tenant, SequenceView sequence, SequenceView.Step step, SequenceView.WinnerRule rule, Instant now) {
        List<StepCounts.Row> rows = counts.rows(tenant, sequence.id(), step.id());
        List<AbVerdict.Arm> arms = new ArrayList<>();
        for (SequenceView.Variant v : step.variants()) {
            long sent = 0;
            long replied = 0;
            for (StepCounts.Row r : rows) {
                if (v.id().equals(r.variantId())) {
                    sent += r.sent();
                    replied += r.replied();
                }
            }
            arms.add(new AbVerdict.Arm(v.id(), sent, 0, 0, replied));
        }
        SequenceStatsView.Metric replies =
                AbVerdict.metric("REPLY_RATE", arms, AbVerdict.Arm::replied, rule.significance());
        if (!AbVerdict.SIGNIFICANT.equals(AbVerdict.verdict(arms, replies, rule.minimumSends()))) {
            return null;
        }
        AbVerdict.Arm leader = arms.stream()
                .filter(a -> a.variantId().equals(replies.leader()))
                .findFirst()
                .orElseThrow();
        double rate = AbVerdict.rate(leader, AbVerdict.Arm::replied);
        if (counts.declare(tenant, sequence.id(), step.id(), leader.variantId(), rate, leader.sent(), now)) {
            events.publishEvent(new SequenceWinnerDeclared(
                    tenant.value(),
                    sequence.id(),
                    sequence.campaignId(),
                    step.id(),
                    step.position(),
                    leader.variantId(),
                    rate,
                    leader.sent(),
                    SequenceRunner.AGENT));
            return leader.variantId();
        }
        return counts.winner(tenant, sequence.id(), step.id()).orElse(null);
    }
}
