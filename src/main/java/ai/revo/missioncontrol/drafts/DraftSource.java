package ai.revo.missioncontrol.drafts;

import java.util.UUID;

/**
 * A knowledge passage a generated draft was written from, kept so the reviewer sees where its facts came from:
 * the source's name, the page (null when the source has none), the relevance (0..1) and the start of the passage.
 */
public record DraftSource(UUID chunkId, UUID sourceId, String sourceName, Integer page, double score, String snippet) {

    /** How much of a passage a draft keeps: enough to recognise it, not a copy of the knowledge base. */
    public static final int SNIPPET = 300;

    public DraftSource {
        if (snippet != null && snippet.length() > SNIPPET) {
            snippet = snippet.substring(0, SNIPPET - 1).stripTrailing() + "…";
        }
    }
}
