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

    /** No discount above what the campaign allows. */
    public record DiscountWithinLimit() implements DraftCheck {
        private static final Pattern PERCENT =
                Pattern.compile("(\\d{1,3}(?:[.,]\\d+)?)\\s?(?:%|percent)", Pattern.CASE_INSENSITIVE);

        public String name() {
            return "discount_within_limit";
        }

        public CheckResult check(CheckInput in) {
            Matcher m = PERCENT.matcher(in.fullText());
            while (m.find()) {
                BigDecimal value = new BigDecimal(m.group(1).replace(',', '.'));
                if (value.compareTo(BigDecimal.valueOf(in.maxDiscountPercent())) > 0) {
                    return CheckResult.fail(
                            name(),
                            "Mentions " + m.group().strip() + "; the campaign allows at most " + in.maxDiscountPercent()
                                    + "%");
                }
            }
            return CheckResult.pass(name(), "No discount above " + in.maxDiscountPercent() + "%");
        }
    }

    /** Every price in the message appears in the context the model was given; nothing is invented. */
    public record PricesFromContext() implements DraftCheck {
        private static final Pattern PRICE = Pattern.compile(
                "(?:[$€£]\\s?\\d[\\d,.]*|\\d[\\d,.]*\\s?(?:USD|CAD|EUR|GBP|" + "dollars|euros))",
                Pattern.CASE_INSENSITIVE);

        public String name() {
            return "prices_from_context";
        }

        public CheckResult check(CheckInput in) {
            String context = normalise(in.context() == null ? "" : in.context());
            Matcher m = PRICE.matcher(in.fullText());
            while (m.find()) {
                String digits = m.group().replaceAll("[^0-9]", "");
                if (!digits.isEmpty() && !context.contains(digits)) {
                    return CheckResult.fail(
                            name(),
                            "Mentions the price " + m.group().strip() + ", which is not in the campaign's information");
                }
            }
            return CheckResult.pass(name(), "No price that is not in the campaign's information");
        }

        private static String normalise(String text) {
            return text.replaceAll("(?<=\\d)[,.](?=\\d)", "");
        }
    }

    /** Links only point at allowed hosts (the booking link's, the workspace's allowlist). */
    public record LinksAllowed() implements DraftCheck {
        private static final Pattern LINK =
                Pattern.compile("(?:https?://|www\\.)[^\\s<>\"')]+", Pattern.CASE_INSENSITIVE);

        public String name() {
            return "links_allowed";
        }

        public CheckResult check(CheckInput in) {
            Matcher m = LINK.matcher(in.fullText());
            Set<String> found = new LinkedHashSet<>();
            while (m.find()) {
                String link = m.group();
                String host = host(link.startsWith("www.") ? "https://" + link : link);
                if (host == null || !allowed(host, in.allowedLinkHosts())) {
                    return CheckResult.fail(
                            name(), "Links to " + (host == null ? link : host) + ", which is not on the allowlist");
                }
                found.add(host);
            }
            return CheckResult.pass(name(), found.isEmpty() ? "No links" : "Links only to " + String.join(", ", found));
        }

        private static boolean allowed(String host, Set<String> allowed) {
            for (String a : allowed) {
                if (host.equals(a) || host.endsWith("." + a)) {
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
