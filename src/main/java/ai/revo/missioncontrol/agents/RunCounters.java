package ai.revo.missioncontrol.agents;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.springframework.stereotype.Component;

/**
 * A run's counters in words for the run pages (12 leads researched and scored, 3 skipped (Already has a draft), 9
 * drafts written), from {@code agents/counters.properties}. Skips are told with their reasons when the run's items
 * are at hand.
 */
@Component
public class RunCounters {

    /** The order counters are told in: what was looked at, what came of it, then what did not go through. */
    static final List<String> ORDER = List.of(
            "campaigns",
            "leadsEnriched",
            "scoreA",
            "scoreB",
            "scoreC",
            "notMatching",
            "notAOrB",
            "leadsEnrolled",
            "awaitingConfirmation",
            "stoppedAtLimit",
            "draftsSubmitted",
            "draftsByModel",
            "draftsByTemplate",
            "postsSubmitted",
            "briefs",
            "flagged",
            "skipped",
            "failed");

    private static final int REASONS_SHOWN = 3;

    private final Properties words = new Properties();

    RunCounters() {
        try (InputStream in = RunCounters.class.getResourceAsStream("/agents/counters.properties")) {
            words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The counters in words, e.g. 3 leads enrolled, 1 skipped; nothing to do when there are none. */
    public String inWords(Map<String, Object> output) {
        return inWords(output, List.of());
    }

    /**
     * The counters in words; the skips are followed by their reasons, most frequent first, taken from {@code items}
     * (e.g. 3 skipped (2 Already has a draft; 1 No email address)).
     */
    public String inWords(Map<String, Object> output, List<RunItemView> items) {
        List<String> parts = new ArrayList<>();
        Map<String, Object> rest = new LinkedHashMap<>(output == null ? Map.of() : output);
        for (String key : ORDER) {
            Object value = rest.remove(key);
            if (value instanceof Number n && n.longValue() > 0) {
                String part = phrase(key, n.longValue());
                if (key.equals("skipped") || key.equals("failed")) {
                    String why = reasons(items, key.equals("skipped") ? "SKIPPED" : "FAILED");
                    if (why != null) {
                        part = part + " " + format(words.getProperty("reason"), why);
                    }
                }
                parts.add(part);
            }
        }
        rest.forEach((key, value) -> {
            if (value instanceof Number n && n.longValue() > 0) {
                parts.add(phrase(key, n.longValue()));
            }
        });
        return parts.isEmpty() ? words.getProperty("nothing") : String.join(", ", parts);
    }

    private String phrase(String key, long count) {
        String pattern = words.getProperty(key);
        if (pattern == null) {
            return count + " " + key.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        }
        return format(pattern, count);
    }

    private static String format(String pattern, Object value) {
        return new MessageFormat(pattern, Locale.ENGLISH).format(new Object[] {value});
    }

    private static String reasons(List<RunItemView> items, String outcome) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (RunItemView item : items) {
            if (outcome.equals(item.outcome())
                    && item.message() != null
                    && !item.message().isBlank()) {
                counts.merge(item.message().strip(), 1, Integer::sum);
            }
        }
        if (counts.isEmpty()) {
            return null;
        }
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        List<String> shown = new ArrayList<>();
        int others = 0;
        for (int i = 0; i < sorted.size(); i++) {
            if (i < REASONS_SHOWN) {
                Map.Entry<String, Integer> e = sorted.get(i);
                shown.add(sorted.size() == 1 ? e.getKey() : e.getValue() + " " + e.getKey());
            } else {
                others += sorted.get(i).getValue();
            }
        }
        if (others > 0) {
            shown.add(others + " for other reasons");
        }
        return String.join("; ", shown);
    }
}
