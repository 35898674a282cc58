package ai.revo.missioncontrol.knowledge;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts sections into passages of about {@link #TARGET} characters along sentence boundaries. Each passage after the
 * first in a section starts with the last two sentences of the one before (the overlap keeps an answer that straddles
 * a cut findable). A sentence longer than a passage is split at word boundaries. Passages never cross a section, so
 * each keeps its page or heading.
 */
final class Chunker {

    static final int TARGET = 1000;
    static final int OVERLAP_SENTENCES = 2;

    private Chunker() {}

    static List<Chunk> chunk(List<Section> sections) {
        List<Chunk> out = new ArrayList<>();
        for (Section section : sections) {
            List<String> sentences = sentences(section.text());
            List<String> current = new ArrayList<>();
            int length = 0;
            int fresh = 0; // sentences in current that the previous chunk did not have
            for (String sentence : sentences) {
                int added = sentence.length() + (current.isEmpty() ? 0 : 1);
                if (!current.isEmpty() && length + added > TARGET && fresh > 0) {
                    out.add(new Chunk(out.size(), section.page(), section.heading(), String.join(" ", current)));
                    int keep = Math.min(OVERLAP_SENTENCES, current.size() - 1);
                    List<String> overlap = new ArrayList<>(current.subList(current.size() - keep, current.size()));
                    // an overlap that leaves no room for the next sentence is dropped rather than exceed the target
                    while (!overlap.isEmpty() && joinedLength(overlap) + 1 + sentence.length() > TARGET) {
                        overlap.remove(0);
                    }
                    current = overlap;
                    length = joinedLength(current);
                    fresh = 0;
                    added = sentence.length() + (current.isEmpty() ? 0 : 1);
                }
                current.add(sentence);
                length += added;
                fresh++;
            }
            if (fresh > 0) {
                out.add(new Chunk(out.size(), section.page(), section.heading(), String.join(" ", current)));
            }
        }
        return out;
    }

    private static int joinedLength(List<String> parts) {
        int n = 0;
        for (String p : parts) {
            n += p.length();
        }
        return n + Math.max(0, parts.size() - 1);
    }

    /** The sentences of a text, white space collapsed; a sentence longer than a passage comes back in pieces. */
    static List<String> sentences(String text) {
        String clean = text.replaceAll("\\s+", " ").strip();
        List<String> out = new ArrayList<>();
        if (clean.isEmpty()) {
            return out;
        }
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        it.setText(clean);
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            String sentence = clean.substring(start, end).strip();
            if (sentence.isEmpty()) {
                continue;
            }
            if (sentence.length() <= TARGET) {
                out.add(sentence);
            } else {
                out.addAll(pieces(sentence));
            }
        }
        return out;
    }

    private static List<String> pieces(String sentence) {
        List<String> out = new ArrayList<>();
        int from = 0;
        int limit = TARGET / 2;
        while (from < sentence.length()) {
            int to = Math.min(sentence.length(), from + limit);
            if (to < sentence.length()) {
                int space = sentence.lastIndexOf(' ', to);
                if (space > from) {
                    to = space;
                }
            }
            String piece = sentence.substring(from, to).strip();
            if (!piece.isEmpty()) {
                out.add(piece);
            }
            from = to;
        }
        return out;
    }
}
