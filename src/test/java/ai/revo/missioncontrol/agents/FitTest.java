package ai.revo.missioncontrol.agents;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.campaigns.Criteria;
import ai.revo.missioncontrol.contacts.CompanyView;
import ai.revo.missioncontrol.contacts.Score;
import java.util.List;
import org.junit.jupiter.api.Test;

class FitTest {

    private static final Criteria CRITERIA = new Criteria(
            List.of(new Criteria.Weighted("Construction", 40), new Criteria.Weighted("Retail", 20)),
            List.of(new Criteria.Weighted("11-50", 30), new Criteria.Weighted("500+", 10)),
            List.of(new Criteria.Weighted("Owner", 30)),
            List.of(new Criteria.Weighted("Toronto", 20)));

    private static CompanyView company(String industry, Integer employees) {
        return new CompanyView(null, "x.com", "X", industry, null, employees, null, null, null, null, null);
    }

    @Test
    void weightedCriteriaGiveAScoreAndTheReason() {
        Fit best = Fit.of(CRITERIA, new Fit.Person("Owner", "Toronto", "Canada", company("Construction", 40)));
        assertThat(best.ratio()).isEqualTo(1.0);
        assertThat(best.score()).isEqualTo(Score.A);
        assertThat(best.reason()).startsWith("Score A (100% fit): matches industry Construction (40)");

        Fit middle = Fit.of(CRITERIA, new Fit.Person("Store owner", "Ottawa", null, company("Retail", 900)));
        // retail 20 + 500+ 10 + owner 30 of 40+30+30+20
        assertThat(middle.ratio()).isEqualTo(60.0 / 120);
        assertThat(middle.score()).isEqualTo(Score.B);
        assertThat(middle.reason()).contains("no location match");

        Fit unknown = Fit.of(CRITERIA, new Fit.Person(null, null, null, null));
        assertThat(unknown.score()).isEqualTo(Score.C);
        assertThat(unknown.matchesAny()).isFalse();
        assertThat(unknown.reason()).contains("industry unknown", "title unknown");
    }

    @Test
    void aCampaignWithoutCriteriaTakesEveryoneAtB() {
        Fit fit = Fit.of(Criteria.none(), new Fit.Person("Student", null, null, null));
        assertThat(fit.matchesAny()).isTrue();
        assertThat(fit.score()).isEqualTo(Score.B);
        assertThat(fit.reason()).contains("no ideal-customer criteria");
    }

    @Test
    void sizesMatchByBandOrEmployees() {
        assertThat(Fit.sizeMatches("11-50", company(null, 11))).isTrue();
        assertThat(Fit.sizeMatches("11-50", company(null, 51))).isFalse();
        assertThat(Fit.sizeMatches("500+", company(null, 5000))).isTrue();
        assertThat(Fit.sizeMatches(
                        "Enterprise",
                        new CompanyView(null, "x.com", "X", null, "enterprise", null, null, null, null, null, null)))
                .isTrue();
    }

    @Test
    void timeZonesFromCityThenCountry() {
        assertThat(TimeZones.guess("Toronto", "Canada")).isEqualTo("America/Toronto");
        assertThat(TimeZones.guess("Nowhere", "Germany")).isEqualTo("Europe/Berlin");
        assertThat(TimeZones.guess("Nowhere", "Canada")).isNull();
    }
}
