package ai.revo.missioncontrol.agents;

import ai.revo.missioncontrol.campaigns.Criteria;
import ai.revo.missioncontrol.contacts.CompanyView;
import ai.revo.missioncontrol.contacts.Score;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How well a person fits a campaign's ideal customer: per dimension (industry, company size, title, location) the
 * weight of the best matching value, over the best possible. 70% and more is A, 40% and more is B, else C.
 */
record Fit(double ratio, List<String> matched, List<String> missed, boolean anyCriteria) {

    private static final Pattern RANGE = Pattern.compile("^\\s*(\\d+)\\s*(?:-\\s*(\\d+)|(\\+))?\\s*$");

    /** What is known about the person: their title and place, and their company if the workspace knows it. */
    record Person(String jobTitle, String city, String country, CompanyView company) {}

    static Fit of(Criteria criteria, Person person) {
        List<String> matched = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        int[] totals = new int[2];
        CompanyView company = person.company();
        dimension(
                "industry",
                criteria.industries(),
                company == null ? null : company.industry(),
                Fit::sameOrContains,
                matched,
                missed,
                totals);
        dimension("company size", criteria.companySizes(), company, Fit::sizeMatches, matched, missed, totals);
        dimension("title", criteria.titles(), person.jobTitle(), Fit::sameOrContains, matched, missed, totals);
        String place = String.join(
                " ",
                nonNull(person.city()),
                nonNull(person.country()),
                company == null ? "" : nonNull(company.city()),
                company == null ? "" : nonNull(company.country()));
        dimension(
                "location",
                criteria.locations(),
                place.isBlank() ? null : place,
                Fit::sameOrContains,
                matched,
                missed,
                totals);
        boolean any = totals[1] > 0;
        return new Fit(any ? (double) totals[0] / totals[1] : 0.5, matched, missed, any);
    }

    /** Whether the person matches at least one criterion (or the campaign has none). */
    boolean matchesAny() {
        return !anyCriteria || !matched.isEmpty();
    }

    Score score() {
        return ratio >= 0.7 ? Score.A : ratio >= 0.4 ? Score.B : Score.C;
    }

    String reason() {
        if (!anyCriteria) {
            return "Score " + score() + ": the campaign has no ideal-customer criteria yet";
        }
        StringBuilder out = new StringBuilder("Score " + score() + " (" + Math.round(ratio * 100) + "% fit)");
        if (!matched.isEmpty()) {
            out.append(": matches ").append(String.join(", ", matched));
        }
        if (!missed.isEmpty()) {
            out.append(matched.isEmpty() ? ": " : "; ").append(String.join(", ", missed));
        }
        return out.toString();
    }

    private interface Matcher2<T> {
        boolean matches(String criterion, T value);
    }

    private static <T> void dimension(
            String name,
            List<Criteria.Weighted> values,
            T known,
            Matcher2<T> matcher,
            List<String> matched,
            List<String> missed,
            int[] totals) {
        if (values.isEmpty()) {
            return;
        }
        int best = values.stream().mapToInt(Criteria.Weighted::weight).max().orElse(0);
        totals[1] += best;
        if (known == null) {
            missed.add(name + " unknown");
            return;
        }
        Criteria.Weighted hit = null;
        for (Criteria.Weighted value : values) {
            if (matcher.matches(value.value(), known) && (hit == null || value.weight() > hit.weight())) {
                hit = value;
            }
        }
        if (hit == null) {
            missed.add("no " + name + " match");
        } else {
            totals[0] += hit.weight();
            matched.add(name + " " + hit.value() + " (" + hit.weight() + ")");
        }
    }

    static boolean sameOrContains(String criterion, String value) {
        String c = criterion.toLowerCase(Locale.ROOT).trim();
        String v = value.toLowerCase(Locale.ROOT).trim();
        return !c.isEmpty() && !v.isEmpty() && (v.equals(c) || v.contains(c) || (c.length() > 3 && c.contains(v)));
    }

    static boolean sizeMatches(String criterion, CompanyView company) {
        if (company.size() != null && company.size().trim().equalsIgnoreCase(criterion.trim())) {
            return true;
        }
        Matcher m = RANGE.matcher(criterion);
        if (company.employees() == null || !m.matches()) {
            return false;
        }
        int low = Integer.parseInt(m.group(1));
        int n = company.employees();
        if (m.group(3) != null) {
            return n >= low;
        }
        return m.group(2) == null ? n == low : n >= low && n <= Integer.parseInt(m.group(2));
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
