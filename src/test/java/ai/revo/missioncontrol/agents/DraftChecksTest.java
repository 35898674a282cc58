package ai.revo.missioncontrol.agents;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.agents.checks.CheckInput;
import ai.revo.missioncontrol.agents.checks.CheckResult;
import ai.revo.missioncontrol.agents.checks.Checks;
import ai.revo.missioncontrol.agents.checks.QualityReview;
import ai.revo.missioncontrol.safety.Channel;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each post-generation rule on its own, and the confidence gate that combines them. */
class DraftChecksTest {

    private static CheckInput email(String subject, String body) {
        return new CheckInput(
                Channel.EMAIL,
                subject,
                body,
                10,
                "Roofing audits from $499. Spring offer.",
                Set.of("cal.example.com"),
                20,
                50,
                false);
    }

    private static CheckInput on(Channel channel, String body, int emoji, int length, boolean post) {
        return new CheckInput(channel, null, body, 0, "", Set.of(), emoji, length, post);
    }

    @Test
    void notEmpty() {
        assertThat(new Checks.NotEmpty().check(email("Hi", "  ")).passed()).isFalse();
        assertThat(new Checks.NotEmpty().check(email("Hi", "Hello Ana")).passed())
                .isTrue();
    }

    @Test
    void lengthLimitsPerChannel() {
        String body = "word ".repeat(120);
        assertThat(new Checks.LengthLimit().check(on(Channel.SMS, body, 0, 50, false)))
                .satisfies(r -> assertThat(r.passed()).isFalse())
                .satisfies(r -> assertThat(r.detail()).contains("SMS allows at most 480"));
        assertThat(new Checks.LengthLimit()
                        .check(on(Channel.EMAIL, body, 0, 50, false))
                        .passed())
                .isTrue();
        assertThat(new Checks.LengthLimit()
                        .check(on(Channel.LINKEDIN, "x".repeat(2500), 0, 50, true))
                        .passed())
                .isTrue();
        assertThat(new Checks.LengthLimit()
                        .check(on(Channel.LINKEDIN, "x".repeat(2500), 0, 50, false))
                        .passed())
                .isFalse();
        assertThat(new Checks.LengthLimit().check(email("s".repeat(151), "Hi")).passed())
                .isFalse();
    }

    @Test
    void noUnresolvedPlaceholders() {
        assertThat(new Checks.NoPlaceholders()
                        .check(email("Hi", "Hello {{firstName}},"))
                        .detail())
                .contains("{{firstName}}");
        assertThat(new Checks.NoPlaceholders()
                        .check(email("Hi", "Hello [First Name],"))
                        .passed())
                .isFalse();
        assertThat(new Checks.NoPlaceholders()
                        .check(email("Hi", "Hello Ana, {curly} braces in prose are rare"))
                        .passed())
                .isFalse();
        assertThat(new Checks.NoPlaceholders()
                        .check(email("Hi", "Hello Ana, see you soon."))
                        .passed())
                .isTrue();
    }

    @Test
    void noDiscountAboveTheCampaignMaximum() {
        assertThat(new Checks.DiscountWithinLimit()
                        .check(email("Deal", "We can do 15% off this week"))
                        .detail())
                .contains("at most 10%");
        assertThat(new Checks.DiscountWithinLimit()
                        .check(email("Deal", "We can do 10 percent off"))
                        .passed())
                .isTrue();
        assertThat(new Checks.DiscountWithinLimit()
                        .check(on(Channel.SMS, "5% off", 0, 50, false))
                        .passed())
                .isFalse();
    }

    @Test
    void pricesOnlyFromTheContext() {
        assertThat(new Checks.PricesFromContext()
                        .check(email("Audit", "Audits start at $499."))
                        .passed())
                .isTrue();
        CheckResult invented = new Checks.PricesFromContext().check(email("Audit", "Only $299 this month!"));
        assertThat(invented.passed()).isFalse();
        assertThat(invented.detail()).contains("$299");
        assertThat(new Checks.PricesFromContext()
                        .check(email("Audit", "It costs 1,200 dollars"))
                        .passed())
                .isFalse();
    }

    @Test
    void linksOnlyToTheAllowlist() {
        assertThat(new Checks.LinksAllowed()
                        .check(email("Book", "Pick a time: https://cal.example.com/ana."))
                        .passed())
                .isTrue();
        assertThat(new Checks.LinksAllowed()
                        .check(email("Book", "See https://evil.example.net/x"))
                        .detail())
                .contains("evil.example.net");
        assertThat(new Checks.LinksAllowed()
                        .check(email("Book", "See www.other.org today"))
                        .passed())
                .isFalse();
        assertThat(new Checks.LinksAllowed()
                        .check(email("Book", "No links here"))
                        .detail())
                .isEqualTo("No links");
    }

    @Test
    void spamScoreBelowTheLimit() {
        Checks.SpamWords rule = new Checks.SpamWords(text -> text.contains("FREE") ? 0.9 : 0.1, 0.5);
        assertThat(rule.check(email("FREE money", "Act now")).passed()).isFalse();
        assertThat(rule.check(email("A question", "Would Tuesday work?")).passed())
                .isTrue();
    }

    @Test
    void personaLanguageRules() {
        assertThat(new Checks.PersonaLanguage()
                        .check(on(Channel.EMAIL, "Hi 🎉 there", 10, 50, false))
                        .detail())
                .contains("1 emoji; the persona allows 0");
        assertThat(new Checks.PersonaLanguage()
                        .check(on(Channel.EMAIL, "Hi 🎉 there", 50, 50, false))
                        .passed())
                .isTrue();
        assertThat(new Checks.PersonaLanguage()
                        .check(on(Channel.EMAIL, "word ".repeat(100), 0, 10, false))
                        .detail())
                .contains("100 words");
        assertThat(new Checks.PersonaLanguage()
                        .check(on(Channel.EMAIL, "This is URGENT for you", 0, 50, false))
                        .passed())
                .isFalse();
    }

    @Test
    void theGateCombinesChecksAndTheModelsOwnConfidence() {
        QualityReview review = new QualityReview(Checks.all(text -> 0.1));
        QualityReview.Verdict clean = review.review(
                email(
                        "Quick idea",
                        "Hi Ana, would a short call on Tuesday " + "help? Pick a time at https://cal.example.com/ana"),
                0.9,
                0.7);
        assertThat(clean.allPassed()).isTrue();
        assertThat(clean.confidence()).isEqualTo(0.96);
        assertThat(clean.flagged()).isFalse();
        assertThat(clean.asChecks("qa_reviewer", "template", "p", 1))
                .containsEntry("passed", true)
                .containsKey("results");

        QualityReview.Verdict noModel = review.review(email("Quick idea", "Hi Ana"), null, 0.7);
        assertThat(noModel.confidence()).isEqualTo(1.0);

        QualityReview.Verdict bad = review.review(email("Quick idea", "Hi {{firstName}}, 50% off!"), 0.99, 0.7);
        assertThat(bad.allPassed()).isFalse();
        assertThat(bad.confidence()).isLessThanOrEqualTo(0.4);
        assertThat(bad.flagged()).isTrue();
        List<String> failed = bad.results().stream()
                .filter(r -> !r.passed())
                .map(CheckResult::name)
                .toList();
        assertThat(failed).containsExactlyInAnyOrder("no_placeholders", "discount_within_limit");
    }
}
