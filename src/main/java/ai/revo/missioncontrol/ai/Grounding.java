package ai.revo.missioncontrol.ai;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The passages of the workspace's knowledge handed to a model with a prompt, each with its attribution. The gateway
 * adds them to the prompt only when a model is called (a template uses none), and records their chunk ids in the
 * call's log row; {@link LlmResult#grounding()} says which passages a call really used.
 */
public record Grounding(List<Passage> passages) {

    private static final Grounding NONE = new Grounding(List.of());

    public Grounding {
        passages = passages == null ? List.of() : List.copyOf(passages);
    }

    public static Grounding none() {
        return NONE;
    }

    public boolean isEmpty() {
        return passages.isEmpty();
    }

    public List<UUID> chunkIds() {
        return passages.stream().map(Passage::chunkId).toList();
    }

    /** The passages as the model reads them, one block each. */
    public String forModel() {
        return passages.stream().map(Passage::forModel).collect(Collectors.joining("\n\n"));
    }

    /** One passage: {@code score} is its relevance to the question (0..1), {@code page} null when it has none. */
    public record Passage(UUID chunkId, UUID sourceId, String sourceName, Integer page, double score, String text) {

        /** {@code [Source: name p.N | Relevance: 0.85]} then the passage. */
        public String forModel() {
            return "[Source: " + sourceName + (page == null ? "" : " p." + page) + " | Relevance: "
                    + String.format(Locale.ROOT, "%.2f", score) + "]\n" + text;
        }
    }
}
