package ai.revo.missioncontrol.sequences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The two-proportion test and the A/B verdict on numbers checked by hand (and against Python's math.erfc). */
class AbVerdictTest {

    static final UUID A = UUID.randomUUID();
    static final UUID B = UUID.randomUUID();
    static final UUID C = UUID.randomUUID();

    @Test
    void fifteenAgainstSixPercentOfTwoHundredIsSignificant() {
        // pooled 42/400 = 0.105, se = sqrt(0.105 * 0.895 * (1/200 + 1/200)) = 0.030655, z = 0.09 / 0.030655
        TwoProportions t = TwoProportions.test(30, 200, 12, 200);
        assertThat(t.z()).isCloseTo(2.935867, within(1e-5));
        assertThat(t.pValue()).isCloseTo(0.0033262, within(1e-6));
    }

    @Test
    void twelveAgainstEightPercentOfAHundredIsNot() {
        TwoProportions t = TwoProportions.test(12, 100, 8, 100);
        assertThat(t.z()).isCloseTo(0.942809, within(1e-5));
        assertThat(t.pValue()).isCloseTo(0.345779, within(1e-5));
    }

    @Test
    void theTestIsSymmetricAndUndefinedWithoutVariance() {
        assertThat(TwoProportions.test(12, 200, 30, 200).z()).isCloseTo(-2.935867, within(1e-5));
        assertThat(TwoProportions.test(12, 200, 30, 200).pValue()).isCloseTo(0.0033262, within(1e-6));
        assertThat(TwoProportions.test(0, 50, 0, 50)).isNull();
        assertThat(TwoProportions.test(50, 50, 50, 50)).isNull();
        assertThat(TwoProportions.test(1, 0, 0, 10)).isNull();
        assertThat(TwoProportions.erfc(0)).isCloseTo(1.0, within(1e-7));
        assertThat(TwoProportions.erfc(-1)).isCloseTo(1.8427008, within(1e-6));
    }

    @Test
    void aClearLeaderAfterTheMinimumSendsWinsOnReplies() {
        List<AbVerdict.Arm> arms = List.of(new AbVerdict.Arm(A, 10, 0, 0, 8), new AbVerdict.Arm(B, 10, 0, 0, 1));
        SequenceStatsView.Metric replies = AbVerdict.metric("REPLY_RATE", arms, AbVerdict.Arm::replied, 0.05);
        assertThat(replies.leader()).isEqualTo(A);
        assertThat(replies.significant()).isTrue();
        assertThat(replies.comparisons()).singleElement().satisfies(c -> {
            assertThat(c.variantId()).isEqualTo(B);
            assertThat(c.z()).isCloseTo(3.146266, within(1e-5));
            assertThat(c.pValue()).isCloseTo(0.0016537, within(1e-6));
            assertThat(c.adjustedPValue()).isEqualTo(c.pValue());
        });
        assertThat(AbVerdict.verdict(arms, replies, 10)).isEqualTo(AbVerdict.SIGNIFICANT);
        // the same rates before each variant has the minimum number of sends decide nothing
        assertThat(AbVerdict.verdict(arms, replies, 11)).isEqualTo(AbVerdict.NOT_ENOUGH_DATA);
    }

    @Test
    void withThreeVariantsTheLeaderMustBeatEachAfterBonferroni() {
        // A 25%, B 10%, C 15% of 100: A vs B p = 0.005247 (x2 = 0.010494), A vs C p = 0.077100 (x2 = 0.154200)
        List<AbVerdict.Arm> arms = List.of(
                new AbVerdict.Arm(A, 100, 0, 0, 25),
                new AbVerdict.Arm(B, 100, 0, 0, 10),
                new AbVerdict.Arm(C, 100, 0, 0, 15));
        SequenceStatsView.Metric replies = AbVerdict.metric("REPLY_RATE", arms, AbVerdict.Arm::replied, 0.05);
        assertThat(replies.leader()).isEqualTo(A);
        assertThat(replies.comparisons()).hasSize(2);
        assertThat(replies.comparisons().get(0).adjustedPValue()).isCloseTo(0.010494, within(1e-5));
        assertThat(replies.comparisons().get(1).adjustedPValue()).isCloseTo(0.154200, within(1e-5));
        assertThat(replies.significant()).isFalse();
        assertThat(AbVerdict.verdict(arms, replies, 100)).isEqualTo(AbVerdict.NOT_SIGNIFICANT);
        // at a level of 0.2 both comparisons pass
        assertThat(AbVerdict.metric("REPLY_RATE", arms, AbVerdict.Arm::replied, 0.2)
                        .significant())
                .isTrue();
    }

    @Test
    void nothingSentHasNoLeader() {
        List<AbVerdict.Arm> arms = List.of(new AbVerdict.Arm(A, 0, 0, 0, 0), new AbVerdict.Arm(B, 0, 0, 0, 0));
        SequenceStatsView.Metric replies = AbVerdict.metric("REPLY_RATE", arms, AbVerdict.Arm::replied, 0.05);
        assertThat(replies.leader()).isNull();
        assertThat(replies.significant()).isFalse();
        assertThat(AbVerdict.verdict(arms, replies, 10)).isEqualTo(AbVerdict.NOT_ENOUGH_DATA);
    }
}
