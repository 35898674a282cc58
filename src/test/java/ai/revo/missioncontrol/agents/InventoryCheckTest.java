package ai.revo.missioncontrol.agents;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.agents.checks.Catalogue;
import ai.revo.missioncontrol.agents.checks.CheckInput;
import ai.revo.missioncontrol.agents.checks.CheckResult;
import ai.revo.missioncontrol.agents.checks.Checks;
import ai.revo.missioncontrol.agents.checks.NoHallucinatedInventory;
import ai.revo.missioncontrol.agents.checks.QualityReview;
import ai.revo.missioncontrol.safety.Channel;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** No hallucinated inventory: with a catalogue, a message quotes only its prices and its products. */
class InventoryCheckTest {

    static final Catalogue CATALOGUE = new Catalogue(List.of(
            new Catalogue.Item("Aurora X200 Desk Lamp", new BigDecimal("49.00"), "USD"),
            new Catalogue.Item("Pearl Drop Earrings", new BigDecimal("120.00"), "EUR"),
            new Catalogue.Item("Gift wrapping", null, null)));

    static final String CONTEXT = "Spring lights. Lamps for home offices, delivery $5 in Toronto.";

    private static CheckResult check(String body, Catalogue catalogue) {
        return new NoHallucinatedInventory()
                .check(new CheckInput(
                        Channel.EMAIL, "Light for your desk", body, 10, CONTEXT, Set.of(), 20, 50, false, catalogue));
    }

    @Test
    void passesAMessageQuotingTheCataloguesPricesAndProducts() {
        CheckResult r = check(
                "Hi Grace, the Aurora X200 Desk Lamp is $49 and our Pearl Drop Earrings are 120 EUR. Delivery is $5."
                        + " Best, Maya from Northwind Builders",
                CATALOGUE);
        assertThat(r.passed()).as(r.detail()).isTrue();
        assertThat(r.detail()).contains("3 products");
    }

    @Test
    void passesAShorterOrSlightlyDifferentSpellingOfAProduct() {
        assertThat(check("The Aurora X200 ($49.00) lights a whole desk.", CATALOGUE)
                        .passed())
                .isTrue();
        assertThat(check("Our Aurora X200 Desk Lamps for $49 each.", CATALOGUE).passed())
                .isTrue();
    }

    @Test
    void refusesAPriceNoProductHasNamingIt() {
        CheckResult r = check("The Aurora X200 Desk Lamp is only $39 this week.", CATALOGUE);
        assertThat(r.passed()).isFalse();
        assertThat(r.detail()).contains("$39").contains("no product in the catalogue");
        CheckResult euro = check("Pearl Drop Earrings for $120.", CATALOGUE);
        assertThat(euro.passed()).as("the right amount in the wrong currency").isFalse();
        assertThat(euro.detail()).contains("$120");
    }

    @Test
    void refusesAProductThatIsNotInTheCatalogueNamingIt() {
        CheckResult model = check("Have you seen the new Aurora X300? It is brighter.", CATALOGUE);
        assertThat(model.passed()).isFalse();
        assertThat(model.detail()).contains("\"Aurora X300\"").contains("closest: Aurora X200 Desk Lamp");
        CheckResult priced = check("You will love the Sunrise Floor Lamp for $49.", CATALOGUE);
        assertThat(priced.passed()).isFalse();
        assertThat(priced.detail()).contains("\"Sunrise Floor Lamp\"");
    }

    @Test
    void leavesOrdinaryCapitalisedWordsDatesAndPeopleAlone() {
        CheckResult r = check(
                "Hi Grace,\n\nMeet us at Toronto Home Show on March 14 2026 or Suite 400. Northwind Builders loved it."
                        + " Pricing: see https://shop.example.com/X900. Best regards, Maya Chen",
                CATALOGUE);
        assertThat(r.passed()).as(r.detail()).isTrue();
    }

    @Test
    void appliesOnlyWhenTheWorkspaceHasACatalogue() {
        QualityReview review = new QualityReview(Checks.all(text -> 0));
        CheckInput without = new CheckInput(
                Channel.EMAIL, "Hi", "The Aurora X300 is $5.", 10, CONTEXT, Set.of(), 20, 50, false, Catalogue.none());
        List<String> names = review.review(without, 0.9, 0.5).results().stream()
                .map(CheckResult::name)
                .toList();
        assertThat(names).contains("prices_from_context").doesNotContain("no_hallucinated_inventory");
        CheckInput with = new CheckInput(
                Channel.EMAIL, "Hi", "The Aurora X300 is $5.", 10, CONTEXT, Set.of(), 20, 50, false, CATALOGUE);
        var verdict = review.review(with, 0.9, 0.5);
        assertThat(verdict.results().stream().map(CheckResult::name))
                .contains("no_hallucinated_inventory")
                .doesNotContain("prices_from_context");
        assertThat(verdict.allPassed()).isFalse();
    }
}
