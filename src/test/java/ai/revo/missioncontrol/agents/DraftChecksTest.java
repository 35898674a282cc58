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
    void pricesAreComparedAsAmountsInTheirCurrency() {
        Checks.PricesFromContext check = new Checks.PricesFromContext();
        String context = "Estimates from $499. Premium plan 1,200.50 EUR. Founded 2015, 5 offices.";
        assertThat(check.check(withContext("It starts at $499.", context)).passed())
                .isTrue();
        assertThat(check.check(withContext("It starts at 499.00 dollars.", context))
                        .passed())
                .isTrue();
        assertThat(check.check(withContext("Premium is €1.200,50 a year.", context))
                        .passed())
                .isTrue();
        CheckResult five = check.check(withContext("Only $5 to start!", context));
        assertThat(five.passed())
                .as("a digit 5 in the context is not a 5-dollar price")
                .isFalse();
        assertThat(five.detail()).contains("$5");
        assertThat(check.check(withContext("Only $49 to start", context)).passed())
                .isFalse();
        assertThat(check.check(withContext("Premium is 1,200.50 USD", context)).passed())
                .as("euros are not dollars")
                .isFalse();
        assertThat(check.check(withContext("We have 5 offices since 2015.", context))
                        .passed())
                .isTrue();
    }

    @Test
    void theDiscountCheckFiresOnlyOnDiscountLanguageWithANumber() {
        Checks.DiscountWithinLimit check = new Checks.DiscountWithinLimit();
        assertThat(check.check(withDiscount("80% of our customers renew.", 10)).passed())
                .isTrue();
        assertThat(check.check(withDiscount("Response times improved by 40 percent.", 10))
                        .passed())
                .isTrue();
        assertThat(check.check(withDiscount("Get 20% off your first month.", 10))
                        .passed())
                .isFalse();
        assertThat(check.check(withDiscount("Save 15 % this week.", 10)).passed())
                .isFalse();
        assertThat(check.check(withDiscount("A discount of 25 percent for you.", 10))
                        .passed())
                .isFalse();
        assertThat(check.check(withDiscount("Get 10% off your first month.", 10))
                        .passed())
                .isTrue();
    }

    @Test
    void linksAreFoundInEveryForm() {
        Checks.LinksAllowed check = new Checks.LinksAllowed();
        Set<String> allowed = Set.of("cal.example.com");
        assertThat(check.check(withLinks("Book at https://cal.example.com/ana", allowed))
                        .passed())
                .isTrue();
        assertThat(check.check(withLinks("Book at cal.example.com/ana today", allowed))
                        .passed())
                .isTrue();
        CheckResult bare = check.check(withLinks("See evil-deals.com/offer for more", allowed));
        assertThat(bare.passed()).as("a scheme-less domain is a link").isFalse();
        assertThat(bare.detail()).contains("evil-deals.com");
        assertThat(check.check(withLinks("Try bit.ly/3xYz now", allowed)).passed())
                .isFalse();
        assertThat(check.check(withLinks("<a href=\"https://tracker.test/x\">our calendar</a>", allowed))
                        .passed())
                .as("an HTML anchor's href is a link")
                .isFalse();
        assertThat(check.check(withLinks("<a href='//cal.example.com/ana'>book</a>", allowed))
                        .passed())
                .isTrue();
        assertThat(check.check(withLinks("Write to ana@other-company.com or www.other-company.com", allowed))
                        .detail())
                .contains("other-company.com");
        assertThat(check.check(withLinks("Write to ana@other-company.com, thanks.", allowed))
                        .passed())
                .as("an e-mail address is not a link")
                .isTrue();
    }

    private static CheckInput withContext(String body, String context) {
        return new CheckInput(Channel.EMAIL, null, body, 0, context, Set.of(), 0, 50, false);
    }

    private static CheckInput withDiscount(String body, int max) {
        return new CheckInput(Channel.EMAIL, null, body, max, "", Set.of(), 0, 50, false);
    }

    private static CheckInput withLinks(String body, Set<String> allowed) {
        return new CheckInput(Channel.EMAIL, null, body, 0, "", allowed, 0, 50, false);
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

        QualityReview.Verdict noModel = review.review(email("Quick idea", "Hi Ana"), null, 0.7, false);
        assertThat(noModel.confidence()).as("a template has no confidence").isNull();
        assertThat(noModel.allPassed()).isTrue();
        assertThat(noModel.gatePassed())
                .as("no model and no approved template: a person decides")
                .isFalse();
        assertThat(noModel.basis()).isEqualTo(QualityReview.Basis.TEMPLATE);
        QualityReview.Verdict approved = review.review(email("Quick idea", "Hi Ana"), null, 0.7, true);
        assertThat(approved.confidence()).isNull();
        assertThat(approved.gatePassed()).isTrue();
        assertThat(review.review(email("Quick idea", "Hi {{firstName}}"), null, 0.7, true)
                        .gatePassed())
                .as("an approved template still needs every check")
                .isFalse();
        assertThat(clean.gatePassed()).isTrue();

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
