package ai.revo.missioncontrol.agents.checks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * No hallucinated inventory: with a product catalogue, a message quotes only prices and products that are in it.
 * <ul>
 *   <li>Every amount of money in the message is the price of a product (same amount and currency: <i>$49</i> for
 *       49.00 USD or CAD) or stated in the information the writer was given (the campaign's, the passages of
 *       knowledge).</li>
 *   <li>A name that looks like a product's, and only such a name, must be one of the catalogue's (or said in that
 *       information). A name looks like a product's when it is a run of capitalised words with a model number in it
 *       (<i>Aurora X300</i>, <i>Series 5 Kit</i>; not dates) or when a price follows it (<i>the Aurora Lamp for
 *       $49</i>, <i>Aurora Lamp ($49)</i>). It matches a product when it is the product's name, part of it or
 *       contains it, or nearly the same spelling (80 % alike) with the same numbers: <i>Aurora X300</i> is not the
 *       <i>Aurora X200</i>.</li>
 * </ul>
 * Without a catalogue the rule does not apply (prices are then checked against the campaign's information alone).
 */
public record NoHallucinatedInventory() implements DraftCheck {

    private static final String WORD = "(?:\\p{Lu}[\\p{L}\\p{N}'’+&-]*|\\p{N}[\\p{L}\\p{N}-]*)";
    /** A run of capitalised words and numbers, not glued to a currency sign or another word. */
    private static final Pattern RUN =
            Pattern.compile("(?<![\\p{L}\\p{N}$€£.,'’-])" + WORD + "(?:[ \\t]" + WORD + ")*(?![\\p{L}\\p{N}])");
    /** What may stand between a product's name and its price. */
    private static final Pattern PRICE_FOLLOWS = Pattern.compile(
            "^\\s*(?:\\(|:|–|—|-|,)?\\s*(?:(?:is|are|costs?|for|at|priced at|now|only|just|from)\\s+){0,3}"
                    + "(?:[$€£]\\s?\\d|\\d[\\d,.]*\\s?(?:USD|CAD|EUR|GBP|dollars?|euros?|pounds?)\\b)",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern STRIP =
            Pattern.compile("(?i)\\b(?:https?|ftp)://\\S+|\\bwww\\.\\S+|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    private static final Set<String> LEADING = Set.of(
            "the", "our", "a", "an", "this", "these", "that", "your", "my", "new", "get", "try", "meet", "buy", "order",
            "with", "and", "or", "for", "on", "in", "at", "by", "from", "to", "hi", "hello", "dear", "p.s.", "ps");
    /** Words that make a run a date, never a product. */
    private static final Set<String> DATES = Set.of(
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday");
    /** Words that make a run with a number a date, an address or a step, not a model number. */
    private static final Set<String> NOT_PRODUCT = Set.of(
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "jan",
            "feb",
            "mar",
            "apr",
            "jun",
            "jul",
            "aug",
            "sep",
            "sept",
            "oct",
            "nov",
            "dec",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "q1",
            "q2",
            "q3",
            "q4",
            "h1",
            "h2",
            "step",
            "page",
            "part",
            "day",
            "week",
            "month",
            "year",
            "no",
            "number",
            "suite",
            "room",
            "floor",
            "unit",
            "route",
            "covid",
            "top",
            "am",
            "pm",
            "usd",
            "cad",
            "eur",
            "gbp");

    public String name() {
        return "no_hallucinated_inventory";
    }

    @Override
    public boolean appliesTo(CheckInput in) {
        return !in.catalogue().isEmpty();
    }

    public CheckResult check(CheckInput in) {
        String context = in.context() == null ? "" : in.context();
        List<Checks.PricesFromContext.Amount> known = new ArrayList<>(Checks.PricesFromContext.amounts(context));
        for (Catalogue.Item item : in.catalogue().items()) {
            if (item.amount() != null && item.currency() != null) {
                known.add(new Checks.PricesFromContext.Amount(
                        item.amount(), item.currency().toUpperCase(Locale.ROOT), item.name()));
            }
        }
        String text = STRIP.matcher(in.fullText()).replaceAll(" ");
        for (Checks.PricesFromContext.Amount a : Checks.PricesFromContext.amounts(text)) {
            if (known.stream().noneMatch(a::sameAs)) {
                return CheckResult.fail(
                        name(),
                        "Quotes the price " + a.text() + ", which no product in the catalogue has and the campaign's"
                                + " information does not state");
            }
        }
        String contextWords = " " + normalise(context) + " ";
        for (String candidate : candidates(text)) {
            String n = normalise(candidate);
            if (contextWords.contains(" " + n + " ")) {
                continue;
            }
            String closest = null;
            double best = 0;
            boolean matched = false;
            for (Catalogue.Item item : in.catalogue().items()) {
                String p = normalise(item.name());
                if (matches(n, p)) {
                    matched = true;
                    break;
                }
                double s = similarity(n, p);
                if (s > best) {
                    best = s;
                    closest = item.name();
                }
            }
            if (!matched) {
                return CheckResult.fail(
                        name(),
                        "Names the product \"" + candidate + "\", which is not in the catalogue"
                                + (closest != null && best >= 0.4 ? " (closest: " + closest + ")" : ""));
            }
        }
        return CheckResult.pass(
                name(),
                "Every price and product named is in the catalogue ("
                        + in.catalogue().items().size()
                        + (in.catalogue().items().size() == 1 ? " product)" : " products)"));
    }

    /** The names in {@code text} that look like a product's, without a leading article or greeting. */
    static List<String> candidates(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = RUN.matcher(text);
        while (m.find()) {
            List<String> words = new ArrayList<>(List.of(m.group().split("[ \\t]+")));
            int start = m.start();
            while (!words.isEmpty() && LEADING.contains(words.get(0).toLowerCase(Locale.ROOT))) {
                start += words.get(0).length() + 1;
                words.remove(0);
            }
            if (words.isEmpty() || words.stream().noneMatch(w -> Character.isUpperCase(w.charAt(0)))) {
                continue;
            }
            boolean sentenceStart = sentenceStart(text, start);
            String name = String.join(" ", words);
            boolean modelNumber = words.size() >= 2
                    && words.stream().anyMatch(w -> w.chars().anyMatch(Character::isDigit))
                    && words.stream().noneMatch(w -> NOT_PRODUCT.contains(w.toLowerCase(Locale.ROOT)))
                    && words.stream().noneMatch(NoHallucinatedInventory::year);
            boolean priced = PRICE_FOLLOWS.matcher(text.substring(m.end())).find()
                    && !(sentenceStart && words.size() == 1)
                    && words.stream().noneMatch(w -> DATES.contains(w.toLowerCase(Locale.ROOT)));
            if (modelNumber || priced) {
                out.add(name);
            }
        }
        return new ArrayList<>(out);
    }

    /** Same name, one part of the other, or nearly the same spelling with the same numbers. */
    static boolean matches(String candidate, String product) {
        if (candidate.isEmpty() || product.isEmpty()) {
            return false;
        }
        String c = " " + candidate + " ";
        String p = " " + product + " ";
        if (c.contains(p) || p.contains(c)) {
            return true;
        }
        return numbers(candidate).equals(numbers(product)) && similarity(candidate, product) >= 0.8;
    }

    static String normalise(String s) {
        return s == null
                ? ""
                : s.toLowerCase(Locale.ROOT)
                        .replaceAll("[’']s\\b", "")
                        .replaceAll("[^\\p{L}\\p{N}]+", " ")
                        .strip();
    }

    private static List<String> numbers(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\d+").matcher(s);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** 1 - edit distance / longer length. */
    static double similarity(String a, String b) {
        int longer = Math.max(a.length(), b.length());
        if (longer == 0) {
            return 1;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return 1 - (double) prev[b.length()] / longer;
    }

    private static boolean year(String w) {
        return w.matches("(?:19|20)\\d\\d");
    }

    private static boolean sentenceStart(String text, int at) {
        for (int i = at - 1; i >= 0; i--) {
            char ch = text.charAt(i);
            if (!Character.isWhitespace(ch)) {
                return ch == '.' || ch == '!' || ch == '?' || ch == ':' || ch == '\n' || ch == '"' || ch == '“';
            }
            if (ch == '\n') {
                return true;
            }
        }
        return true;
    }
}
