package ai.revo.missioncontrol.imports;

import java.util.List;
import java.util.Map;

/**
 * What the file would become with a mapping: the first rows with the contact each makes, and the whole file's
 * validation (counts by outcome and the first issues by row number and reason).
 */
public record ImportPreview(
        ImportView importView,
        List<PreviewRow> rows,
        int valid,
        int failed,
        int skipped,
        Map<String, Integer> reasons,
        List<Issue> issues) {

    /** One row of the preview: its cells and what it becomes ({@code contact} null when it fails). */
    public record PreviewRow(int rowNumber, List<String> cells, Map<String, Object> contact, String problem) {}

    /** A row that will not be imported, and why. */
    public record Issue(int rowNumber, String outcome, String reason) {}
}
