package ai.revo.missioncontrol.whatsapp;

import com.vader.sentiment.analyzer.SentimentAnalyzer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The two-layer check of what a person wrote (seed 002's safety module): a stop word of the workspace's list as a
 * whole word (STOP, UNSUBSCRIBE, BLOCK, SPAM, REPORT by default; "stopwatch" is not "stop"), or a VADER compound
 * sentiment below the workspace's threshold (-0.5 by default). VADER is the pinned Java port
 * ({@code com.github.apanimesh061:vader-sentiment-analyzer:1.0}).
 */
@Component
class InboundSafety {

    private static final Logger log = LoggerFactory.getLogger(InboundSafety.class);

    /** {@code unsafe}: the person must not be contacted again; {@code sentiment} the VADER compound (-1..1). */
    record Verdict(boolean unsafe, String keyword, double sentiment, String reason) {}

    Verdict check(String text, List<String> stopWords, double threshold) {
        if (text == null || text.isBlank()) {
            return new Verdict(false, null, 0, null);
        }
        for (String word : stopWords) {
            if (word.isBlank()) {
                continue;
            }
            Pattern whole = Pattern.compile(
                    "(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            if (whole.matcher(text).find()) {
                double s = sentiment(text);
                return new Verdict(true, word.toUpperCase(Locale.ROOT), s, "The person wrote " + word);
            }
        }
        double s = sentiment(text);
        if (s < threshold) {
            return new Verdict(
                    true, null, s, String.format(Locale.ROOT, "Negative sentiment %.2f (below %.2f)", s, threshold));
        }
        return new Verdict(false, null, s, null);
    }

    /** VADER's compound score of the text, -1 (most negative) to 1; 0 when it cannot be computed. */
    double sentiment(String text) {
        try {
            SentimentAnalyzer analyzer = new SentimentAnalyzer(text);
            analyzer.analyze();
            Map<String, Float> polarity = analyzer.getPolarity();
            Float compound = polarity.get("compound");
            return compound == null ? 0 : compound.doubleValue();
        } catch (Exception | LinkageError e) {
            log.warn("VADER could not score a message: {}", e.toString());
            return 0;
        }
    }

    /** The first of {@code phrases} that {@code text} contains as whole words (any case), or null. */
    static String snoozePhrase(String text, java.util.List<String> phrases) {
        if (text == null || text.isBlank()) {
            return null;
        }
        for (String phrase : phrases) {
            java.util.regex.Pattern p = java.util.regex.Pattern.compile(
                    "(?<![\\p{L}\\p{N}])"
                            + java.util.regex.Pattern.quote(phrase).replace(" ", "\\E\\s+\\Q") + "(?![\\p{L}\\p{N}])",
                    java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);
            if (p.matcher(text).find()) {
                return phrase;
            }
        }
        return null;
    }
}
