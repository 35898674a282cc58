package ai.revo.missioncontrol.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Scores a message without a model, the same way every time: spam risk rises with spam phrases, shouting (ALL
 * CAPS), exclamation marks, many links and extreme length; reply probability rises with a question, personal
 * touches (a greeting by name, you and your) and a readable length. Each finding is named in the signals.
 */
@Component
public class ContentScorer {

    /** Phrases spam filters and readers associate with bulk mail. */
    static final List<String> SPAM_PHRASES = List.of(
            "act now",
            "buy now",
            "click here",
            "free money",
            "free gift",
            "guaranteed",
            "100% free",
            "risk-free",
            "risk free",
            "limited time",
            "urgent",
            "winner",
            "you have won",
            "cash bonus",
            "no obligation",
            "double your",
            "earn money",
            "make money",
            "special promotion",
            "once in a lifetime",
            "order now",
            "call now",
            "apply now",
            "exclusive deal",
            "lowest price",
            "best price",
            "cheap",
            "miracle",
            "no credit check",
            "100% satisfied",
            "amazing offer",
            "dear friend",
            "this is not spam",
            "unsubscribe now",
            "increase sales",
            "extra income",
            "million dollars",
            "viagra",
            "crypto giveaway",
            "congratulations");

    /** The rules behind both estimates, as a person reads them. */
    public static final List<String> RULES = List.of(
            "Spam risk starts at 5 % and rises 15 points per spam phrase (at most 50), with 3 or more ALL-CAPS words,"
                    + " 2 or more exclamation marks, 3 or more links, more than 300 words and an unfilled merge field",
            "Reply likelihood starts at 15 % and rises with a question (+20), a readable length of 8 to 150 words"
                    + " (+10), a greeting by name (+10) and speaking to the reader (you, your: +5); it falls with spam"
                    + " phrases, shouting, many links, very short or very long texts and unfilled merge fields",
            "Both are heuristic estimates from these rules, not a model's prediction and not measured rates");

    private static final Pattern LINK = Pattern.compile("(?i)\\bhttps?://\\S+|\\bwww\\.\\S+");
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'-]*");
    private static final Pattern GREETING =
            Pattern.compile("(?i)^\\s*(hi|hello|hey|dear|bonjour|good (morning|afternoon|evening))\\s+\\p{Lu}\\p{L}+");
    private static final Pattern YOU = Pattern.compile("(?i)\\b(you|your|yours)\\b");

    /** Scores {@code text}; null or blank text scores zero reply probability and a signal saying it is empty. */
    public ContentScore score(String text) {
        List<String> signals = new ArrayList<>();
        if (text == null || text.isBlank()) {
            signals.add("empty message");
            return new ContentScore(0.0, 0.0, signals);
        }
        String lower = text.toLowerCase(Locale.ROOT);
        double spam = 0.05;
        double reply = 0.15;

        int phrases = 0;
        for (String phrase : SPAM_PHRASES) {
            if (lower.contains(phrase)) {
                phrases++;
                signals.add("spam phrase: " + phrase);
            }
        }
        spam += Math.min(0.5, phrases * 0.15);
        reply -= Math.min(0.1, phrases * 0.03);

        int words = 0;
        int shouted = 0;
        Matcher w = WORD.matcher(text);
        while (w.find()) {
            words++;
            String word = w.group();
            if (word.length() >= 3
                    && word.equals(word.toUpperCase(Locale.ROOT))
                    && !word.equals(word.toLowerCase(Locale.ROOT))) {
                shouted++;
            }
        }
        if (shouted >= 3 || (words > 0 && shouted >= 2 && shouted * 5 >= words)) {
            spam += Math.min(0.25, 0.05 * shouted);
            reply -= 0.05;
            signals.add("ALL CAPS words: " + shouted);
        }

        long exclamations = text.chars().filter(c -> c == '!').count();
        if (exclamations >= 2) {
            spam += Math.min(0.2, 0.05 * exclamations);
            signals.add("exclamation marks: " + exclamations);
        }

        int links = 0;
        Matcher l = LINK.matcher(text);
        while (l.find()) {
            links++;
        }
        if (links >= 3) {
            spam += Math.min(0.25, 0.08 * links);
            reply -= 0.05;
            signals.add("many links: " + links);
        } else if (links > 0) {
            signals.add("links: " + links);
        }

        if (words < 8) {
            reply -= 0.05;
            signals.add("very short: " + words + " words");
        } else if (words <= 150) {
            reply += 0.1;
            signals.add("readable length: " + words + " words");
        } else if (words > 300) {
            spam += 0.1;
            reply -= 0.1;
            signals.add("long: " + words + " words");
        }

        if (text.contains("?")) {
            reply += 0.2;
            signals.add("asks a question");
        } else {
            signals.add("no question");
        }

        boolean greeting = GREETING.matcher(text).find();
        if (greeting) {
            reply += 0.1;
            spam -= 0.03;
            signals.add("greets by name");
        }
        int you = 0;
        Matcher y = YOU.matcher(text);
        while (y.find()) {
            you++;
        }
        if (you >= 2) {
            reply += 0.05;
            signals.add("speaks to the reader");
        }
        if (text.contains("{{") || text.contains("[First Name]") || text.contains("[Name]")) {
            spam += 0.1;
            reply -= 0.1;
            signals.add("unfilled merge field");
        }
        return new ContentScore(round(clamp(spam)), round(clamp(reply)), List.copyOf(signals));
    }

    private static double clamp(double v) {
        return Math.max(0.0, Math.min(1.0, v));
    }

    private static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
