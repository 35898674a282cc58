package ai.revo.missioncontrol.agents.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The confidence gate: runs every check, and combines how many passed with the model's own evaluation into a
 * confidence from 0 to 1. Any failed check caps confidence at 0.4; below the campaign's threshold the draft is
 * flagged for a closer look.
 */
public final class QualityReview {

    private final List<DraftCheck> checks;

    public QualityReview(List<DraftCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    public Verdict review(CheckInput input, Double modelConfidence, double threshold) {
        List<CheckResult> results = new ArrayList<>();
        for (DraftCheck check : checks) {
            results.add(check.check(input));
        }
        long passed = results.stream().filter(CheckResult::passed).count();
        double fromChecks = results.isEmpty() ? 1 : (double) passed / results.size();
        double confidence = modelConfidence == null
                ? fromChecks
                : 0.6 * fromChecks + 0.4 * Math.max(0, Math.min(1, modelConfidence));
        if (passed < results.size()) {
            confidence = Math.min(confidence, 0.4);
        }
        confidence = Math.round(confidence * 1000) / 1000.0;
        return new Verdict(results, confidence, passed == results.size(), confidence < threshold, threshold);
    }

    /** What the gate decided: each result, the confidence, whether all passed and whether it is flagged. */
    public record Verdict(
            List<CheckResult> results, double confidence, boolean allPassed, boolean flagged, double threshold) {

        /** The checks as stored on the draft and shown in the inbox. */
        public Map<String, Object> asChecks(String reviewer, String model, String promptKey, Integer promptVersion) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("reviewer", reviewer);
            out.put("passed", allPassed);
            out.put("flagged", flagged);
            out.put("threshold", threshold);
            out.put("model", model);
            out.put("promptKey", promptKey);
            out.put("promptVersion", promptVersion);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (CheckResult r : results) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", r.name());
                row.put("passed", r.passed());
                row.put("detail", r.detail());
                rows.add(row);
            }
            out.put("results", rows);
            return out;
        }
    }
}
