package ai.revo.missioncontrol.platform;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a person typed into the global search, prepared for the sources: lower-cased, split into words (letters,
 * digits and the characters of an email address), and the digits alone for phone numbers.
 *
 * @param text the whole query, trimmed and lower-cased
 * @param words the query's words, at most five
 * @param digits the query's digits when it looks like a phone number (at least four digits and nothing but digits,
 *     spaces, +, -, dots and parentheses), else null
 */
public record SearchQuery(String text, List<String> words, String digits) {

    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}@._+-]+");
    private static final Pattern PHONE_LIKE = Pattern.compile("[0-9+()\\-. ]+");
    public static final int MIN_LENGTH = 2;
    public static final int MAX_LENGTH = 100;

    /** Returns null when the input is too short to search for. */
    public static SearchQuery parse(String input) {
        if (input == null) {
            return null;
        }
        String text = input.strip().toLowerCase(Locale.ROOT);
        if (text.length() > MAX_LENGTH) {
            text = text.substring(0, MAX_LENGTH);
        }
        if (text.length() < MIN_LENGTH) {
            return null;
        }
        List<String> words = Arrays.stream(SEPARATORS.split(text))
                .filter(w -> !w.isEmpty())
                .limit(5)
                .toList();
        if (words.isEmpty()) {
            return null;
        }
        String digits = null;
        if (PHONE_LIKE.matcher(text).matches()) {
            String d = text.replaceAll("[^0-9]", "");
            digits = d.length() >= 4 ? d : null;
        }
        return new SearchQuery(text, words, digits);
    }

    /** The words as LIKE patterns ({@code %word%}), with LIKE's wildcards escaped. */
    public List<String> containsPatterns() {
        return words.stream().map(w -> "%" + escapeLike(w) + "%").toList();
    }

    /** A prefix full-text query for PostgreSQL's {@code to_tsquery('simple', ...)}: {@code word1:* & word2:*}. */
    public String prefixTsQuery() {
        return String.join(
                " & ",
                words.stream()
                        .map(w -> w.replaceAll("[^\\p{L}\\p{N}]", ""))
                        .filter(w -> !w.isEmpty())
                        .map(w -> w + ":*")
                        .toList());
    }

    public static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
