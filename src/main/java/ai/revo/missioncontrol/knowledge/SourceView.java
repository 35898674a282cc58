package ai.revo.missioncontrol.knowledge;

import java.time.Instant;
import java.util.UUID;

/**
 * A source as clients and pages read it. {@code chunks} is the number of passages stored for it; {@code chunksDone}
 * of {@code chunksTotal} is the progress while it is embedded; {@code error} says in plain words why it FAILED.
 */
public record SourceView(
        UUID id,
        String name,
        SourceKind kind,
        FileType fileType,
        String url,
        UUID campaignId,
        SourceStatus status,
        int chunks,
        int chunksDone,
        int chunksTotal,
        int duplicatesSkipped,
        Integer pages,
        long sizeBytes,
        String error,
        Instant createdAt,
        Instant ingestedAt) {

    /** Percent of the chunks embedded (0 until parsed, 100 once READY). */
    public int percent() {
        if (status == SourceStatus.READY) {
            return 100;
        }
        return chunksTotal == 0 ? 0 : (int) Math.min(100, (chunksDone * 100L) / chunksTotal);
    }

    public boolean finished() {
        return status.finished();
    }
}
