package ai.revo.missioncontrol.agents.checks;

import ai.revo.missioncontrol.safety.Channel;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The shipped post-generation rules, in the order the inbox shows them. */
public final class Checks {

    private Checks() {}

    /** Every rule; {@code spamRisk} scores text from 0 (clean) to 1 (spam). */
    public static List<DraftCheck> all(ToDoubleFunction<String> spamRisk) {
        return List.of(
                new NotEmpty(),
                new LengthLimit(),
                new NoPlaceholders(),
                new DiscountWithinLimit(),
                new PricesFromContext(),
                new NoHallucinatedInventory(),
                new LinksAllowed(),
                new SpamWords(spamRisk, 0.5),
                new PersonaLanguage());
    }

    /** The message has words in it. */
    public record NotEmpty() implements DraftCheck {
        public String name() {
            return "not_empty";
        }

        public CheckResult check(CheckInput in) {
            return in.body() == null || in.body().isBlank()
                    ? CheckResult.fail(name(), "The message is empty")
                    : CheckResult.pass(
                            name(), "The message has " + in.body().strip().length() + " characters");
        }
    }

    /** The message fits its channel. */
    public record LengthLimit() implements DraftCheck {
        static final Map<Channel, Integer> MESSAGE_LIMITS = new EnumMap<>(Map.of(
                Channel.EMAIL,
                5000,
                Channel.SMS,
                480,
                Channel.WHATSAPP,
                1000,
                Channel.LINKEDIN,
                1900,
                Channel.FACEBOOK,
                2000,
                Channel.INSTAGRAM,
                1000));
        static final Map<Channel, Integer> POST_LIMITS =
                new EnumMap<>(Map.of(Channel.LINKEDIN, 3000, Channel.FACEBOOK, 5000, Channel.INSTAGRAM, 2200));

        public String name() {
            return "length_limit";
        }

        public CheckResult check(CheckInput in) {
            int limit = limit(in.channel(), in.post());
            int length = in.body() == null ? 0 : in.body().length();
            if (in.subject() != null && in.subject().length() > 150) {
                return CheckResult.fail(
                        name(), "The subject has " + in.subject().length() + " characters; at most 150");
            }
            return length > limit
                    ? CheckResult.fail(name(), length + " characters; " + in.channel() + " allows at most " + limit)
                    : CheckResult.pass(name(), length + " of at most " + limit + " characters");
        }

        static int limit(Channel channel, boolean post) {
            Integer limit = post ? POST_LIMITS.get(channel) : null;
            return limit != null ? limit : MESSAGE_LIMITS.getOrDefault(channel, 2000);
        }
    }

    /** No merge field was left unresolved. */
    public record NoPlaceholders() implements DraftCheck {
        private static final Pattern PLACEHOLDER = Pattern.compile(
                "\\{\\{[^}]*}}|\\[(?:first ?name|name|company|" + "your name|insert[^\\]]*)]|\\{[a-zA-Z_.]+}",
                Pattern.CASE_INSENSITIVE);

        public String name() {
            return "no_placeholders";
        }

        public CheckResult check(CheckInput in) {
            Matcher m = PLACEHOLDER.matcher(in.fullText());
            return m.find()
                    ? CheckResult.fail(name(), "Unresolved placeholder " + m.group())
                    : CheckResult.pass(name(), "No unresolved placeholders");
        }
    }

    /**
     * No discount above what the campaign allows. Only a percentage that discount language stands next to counts
     * (<i>20% off</i>, <i>save 15 %</i>, <i>a discount of 10 percent</i>); <i>80% of our customers</i> is not a discount.
     */
    public record DiscountWithinLimit() implements DraftCheck {
        private static final Pattern PERCENT =
                Pattern.compile("(\\d{1,3}(?:[.,]\\d+)?)\\s?(?:%|percent|per cent)", Pattern.CASE_INSENSITIVE);
        private static final Pattern DISCOUNT_BEFORE = Pattern.compile(
                "(?i)\\b(?:discount(?:ed)?|save|saving|savings|off|reduc(?:e|ed|tion)|rebate|markdown|cheaper|"
                        + "lower(?:ed)?|cut)\\b[^.!?\\n]{0,25}$");
        private static final Pattern DISCOUNT_AFTER =
                Pattern.compile("(?i)^\\s{0,3}(?:off|discount|cheaper|less|lower|reduction|rebate|savings?)\\b");

        public String name() {
            return "discount_within_limit";
        }

        public CheckResult check(CheckInput in) {
            String text = in.fullText();
            Matcher m = PERCENT.matcher(text);
            int offers = 0;
            while (m.find()) {
                String before = text.substring(Math.max(0, m.start() - 40), m.start());
                String after = text.substring(m.end(), Math.min(text.length(), m.end() + 20));
                if (!DISCOUNT_BEFORE.matcher(before).find()
                        && !DISCOUNT_AFTER.matcher(after).find()) {
                    continue;
                }
                offers++;
                BigDecimal value = new BigDecimal(m.group(1).replace(',', '.'));
                if (value.compareTo(BigDecimal.valueOf(in.maxDiscountPercent())) > 0) {
                    return CheckResult.fail(
                            name(),
                            "Offers " + m.group().strip() + " off; the campaign allows at most "
                                    + in.maxDiscountPercent() + "%");
                }
            }
            return CheckResult.pass(
                    name(), offers == 0 ? "No discount offered" : "No discount above " + in.maxDiscountPercent() + "%");
        }
    }

    /**
     * Every price in the message is an amount, in the same currency, that the campaign's information states: <i>$5</i> in
     * a message needs a 5-dollar price there (<i>$5.00</i>, <i>5 USD</i>), not any 5.
     */
    public record PricesFromContext() implements DraftCheck {
        private static final Pattern PRICE = Pattern.compile(
                "(?:(?<sym>[$€£])\\s?(?<a>\\d[\\d,.]*)(?<k>\\s?[kK]\\b)?"
                        + "|(?<b>\\d[\\d,.]*)(?<k2>\\s?[kK])?\\s?(?<code>USD|CAD|EUR|GBP|dollars?|euros?|pounds?)\\b)",
                Pattern.CASE_INSENSITIVE);

        public String name() {
            return "prices_from_context";
        }

        /** With a catalogue, {@link NoHallucinatedInventory} checks prices against it and this information. */
        @Override
        public boolean appliesTo(CheckInput in) {
            return in.catalogue().isEmpty();
        }

        public CheckResult check(CheckInput in) {
            List<Amount> known = amounts(in.context() == null ? "" : in.context());
            for (Amount a : amounts(in.fullText())) {
                if (known.stream().noneMatch(a::sameAs)) {
                    return CheckResult.fail(
                            name(),
                            "Mentions the price " + a.text() + ", which is not a price in the campaign's information");
                }
            }
            return CheckResult.pass(name(), "No price that is not in the campaign's information");
        }

        /** An amount of money as written: the value and its currency (DOLLAR when only <i>$</i> or <i>dollars</i> says it). */
        record Amount(BigDecimal value, String currency, String text) {
            boolean sameAs(Amount other) {
                if (value.compareTo(other.value) != 0) {
                    return false;
                }
                if (currency.equals(other.currency)) {
                    return true;
                }
                return (currency.equals("DOLLAR") && other.currency.matches("USD|CAD"))
                        || (other.currency.equals("DOLLAR") && currency.matches("USD|CAD"));
            }
        }

        static List<Amount> amounts(String text) {
            List<Amount> out = new ArrayList<>();
            Matcher m = PRICE.matcher(text);
            while (m.find()) {
                String number = m.group("a") != null ? m.group("a") : m.group("b");
                BigDecimal value = parse(number);
                if (value == null) {
                    continue;
                }
                if (m.group("k") != null || m.group("k2") != null) {
                    value = value.multiply(BigDecimal.valueOf(1000));
                }
                String currency = currency(m.group("sym") != null ? m.group("sym") : m.group("code"));
                out.add(new Amount(value, currency, m.group().strip()));
            }
            return out;
        }

        private static String currency(String mark) {
            String c = mark.toUpperCase(Locale.ROOT);
            if (c.equals("$") || c.startsWith("DOLLAR")) {
                return "DOLLAR";
            }
            if (c.equals("€") || c.startsWith("EURO")) {
                return "EUR";
            }
            if (c.equals("£") || c.startsWith("POUND")) {
                return "GBP";
            }
            return c;
        }

        /** <i>1,200.50</i>, <i>1.200,50</i>, <i>1 200</i>, <i>5</i>, <i>5.00</i>; a trailing sentence dot is not a decimal point. */
        static BigDecimal parse(String raw) {
            String n = raw.replaceAll("[.,]+$", "");
            if (n.isEmpty()) {
                return null;
            }
            int dot = n.lastIndexOf('.');
            int comma = n.lastIndexOf(',');
            String plain;
            if (dot >= 0 && comma >= 0) {
                char decimal = dot > comma ? '.' : ',';
                char group = decimal == '.' ? ',' : '.';
                plain = n.replace(String.valueOf(group), "").replace(decimal, '.');
            } else if (comma >= 0) {
                plain = n.matches("\\d{1,3}(,\\d{3})+") ? n.replace(",", "") : n.replace(',', '.');
            } else if (dot >= 0) {
                plain = n.matches("\\d{1,3}(\\.\\d{3}){2,}") ? n.replace(".", "") : n;
            } else {
                plain = n;
            }
            try {
                return new BigDecimal(plain);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /**
     * Links only point at allowed hosts (the booking link's, the workspace's allowlist). A link is found in every
     * form a reader's mail program would follow: with a scheme, starting with www., a bare domain (<i>cal.com/sam</i>,
     * <i>bit.ly/x</i>) and the href of an HTML anchor. An e-mail address is not a link.
     */
    public record LinksAllowed() implements DraftCheck {
        private static final Pattern HREF = Pattern.compile("(?i)\\bhref\\s*=\\s*[\"']?([^\"'\\s>]+)");
        private static final Pattern SCHEME = Pattern.compile("(?i)\\b(?:https?|ftp)://[^\\s<>\"')\\]]+");
        private static final Pattern BARE = Pattern.compile(
                "(?i)(?<![@\\w.\\-/])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+"
                        + "(?:com|net|org|io|co|ai|app|dev|biz|info|me|us|uk|ca|de|fr|eu|ly|gl|to|link|site|online|shop|"
                        + "store|xyz|page|ru|cn|in|au|nl|es|it|ch|se|no|be|at|pl|br|jp|tv|cc|gg|sh|so|tk|ml|ga|cf|gq|"
                        + "click|top|live|news|blog|cloud|tech|email|example|test))(?![\\w-])(?:[/?#][^\\s<>\"')\\]]*)?");

        public String name() {
            return "links_allowed";
        }

        public CheckResult check(CheckInput in) {
            String text = in.fullText();
            List<String> links = new ArrayList<>();
            Matcher h = HREF.matcher(text);
            while (h.find()) {
                if (!h.group(1).toLowerCase(Locale.ROOT).startsWith("mailto:")) {
                    links.add(h.group(1));
                }
            }
            String withoutHref = HREF.matcher(text).replaceAll(" ");
            Matcher s = SCHEME.matcher(withoutHref);
            while (s.find()) {
                links.add(s.group());
            }
            String bare = SCHEME.matcher(withoutHref).replaceAll(" ");
            Matcher b = BARE.matcher(bare);
            while (b.find()) {
                links.add(b.group());
            }
            Set<String> found = new LinkedHashSet<>();
            for (String link : links) {
                String absolute = link.matches("(?i)^[a-z][a-z0-9+.-]*://.*")
                        ? link
                        : link.startsWith("//") ? "https:" + link : "https://" + link;
                String host = host(absolute);
                if (host == null || !allowed(host, in.allowedLinkHosts())) {
                    return CheckResult.fail(
                            name(), "Links to " + (host == null ? link : host) + ", which is not on the allowlist");
                }
                found.add(host);
            }
            return CheckResult.pass(name(), found.isEmpty() ? "No links" : "Links only to " + String.join(", ", found));
        }

        private static boolean allowed(String host, Set<String> allowed) {
            String h = host.startsWith("www.") ? host.substring(4) : host;
            for (String a : allowed) {
                String x = a.startsWith("www.") ? a.substring(4) : a;
                if (h.equals(x) || h.endsWith("." + x)) {
                    return true;
                }
            }
            return false;
        }

        private static String host(String link) {
            try {
                String host = URI.create(link.replaceAll("[.,;:!?]+$", "")).getHost();
                return host == null ? null : host.toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    /** The spam-word score stays below the limit. */
    public record SpamWords(ToDoubleFunction<String> spamRisk, double limit) implements DraftCheck {
        public String name() {
            return "spam_score";
        }

        public CheckResult check(CheckInput in) {
            double risk = spamRisk.applyAsDouble(in.fullText());
            String score = String.format(Locale.ROOT, "%.2f", risk);
            return risk > limit
                    ? CheckResult.fail(name(), "Spam risk " + score + " is above " + limit)
                    : CheckResult.pass(name(), "Spam risk " + score);
        }
    }

    /** The persona's language rules: emoji use and length follow its sliders; no shouting. */
    public record PersonaLanguage() implements DraftCheck {
        private static final Pattern EMOJI = Pattern.compile("[\\x{1F300}-\\x{1FAFF}\\x{2600}-\\x{27BF}]");

        public String name() {
            return "persona_language";
        }

        public CheckResult check(CheckInput in) {
            String text = in.body() == null ? "" : in.body();
            List<String> problems = new ArrayList<>();
            int emojis = count(EMOJI.matcher(text));
            int maxEmojis = in.emoji() < 30 ? 0 : in.emoji() < 70 ? 2 : 6;
            if (emojis > maxEmojis) {
                problems.add(emojis + " emoji; the persona allows " + maxEmojis);
            }
            int words = text.isBlank() ? 0 : text.strip().split("\\s+").length;
            int maxWords = (in.post() ? 2 : 1) * (in.length() < 30 ? 90 : in.length() < 70 ? 160 : 260);
            if (words > maxWords) {
                problems.add(words + " words; the persona's length allows " + maxWords);
            }
            if (text.matches("(?s).*\\b[A-Z]{6,}\\b.*")) {
                problems.add("a word in capitals");
            }
            return problems.isEmpty()
                    ? CheckResult.pass(name(), emojis + " emoji, " + words + " words")
                    : CheckResult.fail(name(), String.join("; ", problems));
        }

        private static int count(Matcher m) {
            int n = 0;
            while (m.find()) {
                n++;
            }
            return n;
        }
    }
}
