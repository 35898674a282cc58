package ai.revo.missioncontrol.ai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentScorerTest {

    private final ContentScorer scorer = new ContentScorer();

    private static final String PERSONAL = "Hi Ada,\n\nI saw that your team at Navy is hiring engineers in Halifax. "
            + "We help teams like yours onboard new hires in half the time. Would a short call next week be useful to you?\n\nBest,\nSam";

    private static final String SPAMMY = "URGENT!!! ACT NOW to get your FREE GIFT. Click here: http://a.example "
            + "http://b.example http://c.example Guaranteed winner, limited time only!!!";

    @Test
    void aPersonalQuestionScoresLowSpamAndHighReply() {
        ContentScore s = scorer.score(PERSONAL);
        assertThat(s.spamRisk()).isLessThan(0.15);
        assertThat(s.replyProbability()).isGreaterThan(0.5);
        assertThat(s.signals()).contains("asks a question", "greets by name", "speaks to the reader");
    }

    @Test
    void spamPhrasesCapsExclamationsAndLinksRaiseSpamRisk() {
        ContentScore s = scorer.score(SPAMMY);
        assertThat(s.spamRisk()).isGreaterThan(0.7);
        assertThat(s.replyProbability()).isLessThan(0.2);
        assertThat(s.signals())
                .anyMatch(x -> x.startsWith("spam phrase: act now"))
                .anyMatch(x -> x.startsWith("ALL CAPS words"))
                .anyMatch(x -> x.startsWith("exclamation marks"))
                .anyMatch(x -> x.startsWith("many links: 3"));
    }

    @Test
    void aQuestionRaisesReplyProbability() {
        String statement = "Hello there. We build onboarding software for engineering teams in Canada and beyond.";
        ContentScore without = scorer.score(statement);
        ContentScore with = scorer.score(statement + " Is that a priority for you this quarter?");
        assertThat(with.replyProbability()).isGreaterThan(without.replyProbability());
    }

    @Test
    void theSameTextAlwaysScoresTheSame() {
        assertThat(scorer.score(SPAMMY)).isEqualTo(scorer.score(SPAMMY));
    }

    @Test
    void unfilledMergeFieldsAndEmptyTextAreSignalled() {
        assertThat(scorer.score("Hi {{firstName}}, would you like a demo?").signals())
                .contains("unfilled merge field");
        ContentScore empty = scorer.score("  ");
        assertThat(empty.replyProbability()).isZero();
        assertThat(empty.signals()).containsExactly("empty message");
    }

    @Test
    void veryLongTextIsPenalised() {
        String longText = "We offer services. ".repeat(120);
        ContentScore s = scorer.score(longText);
        assertThat(s.signals()).anyMatch(x -> x.startsWith("long:"));
        assertThat(s.spamRisk()).isBetween(0.0, 1.0);
    }
}
