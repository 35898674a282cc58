package ai.revo.missioncontrol.imports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An import as the API shows it. {@code columns} lists, for each header, the field it becomes (null: ignored);
 * {@code totalRows} counts data rows (the header excluded); the counts add up to {@code processedRows}.
 */
public record ImportView(
        UUID id,
        String fileName,
        ImportFormat format,
        long sizeBytes,
        List<String> headers,
        List<String> columns,
        boolean mappingRemembered,
        UUID campaignId,
        String status,
        int totalRows,
        int processedRows,
        int created,
        int updated,
        int skipped,
        int failed,
        int enrolled,
        boolean cancelRequested,
        String error,
        String createdBy,
        Instant startedAt,
        Instant finishedAt,
        Instant createdAt) {

    public int percent() {
        return totalRows == 0 ? 100 : (int) Math.min(100, processedRows * 100L / totalRows);
    }

    public boolean finished() {
        return status.equals("COMPLETED") || status.equals("CANCELLED") || status.equals("FAILED");
    }
}
