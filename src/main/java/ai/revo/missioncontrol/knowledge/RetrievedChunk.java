package ai.revo.missioncontrol.knowledge;

import java.util.Locale;
import java.util.UUID;

/**
 * A passage found for a question, with its attribution. {@code score} is its cosine similarity to the question
 * (0..1, the relevance shown to people and the model); {@code fused} its reciprocal-rank-fusion score across the
 * semantic and full-text legs; {@code semanticRank} and {@code textRank} its place in each leg (null: not found
 * by that leg).
 */
public record RetrievedChunk(
        UUID chunkId,
        UUID sourceId,
        String sourceName,
        Integer page,
        String heading,
        double score,
        double fused,
        Integer semanticRank,
        Integer textRank,
        String text) {

    /** The text as handed to a model: {@code [Source: name p.N | Relevance: 0.85]} then the passage. */
    public String forModel() {
        return "[Source: " + sourceName + (page == null ? "" : " p." + page) + " | Relevance: "
                + String.format(Locale.ROOT, "%.2f", score) + "]\n" + text;
    }
}
