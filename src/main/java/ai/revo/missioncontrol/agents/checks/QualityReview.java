package ai.revo.missioncontrol.agents.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The confidence gate: runs every check and decides whether a draft may go on without a person. With a model's own
 * evaluation the confidence combines how many checks passed with it (any failed check caps it at 0.4) and the draft
 * passes the gate when every check passed and the confidence reaches the campaign's threshold. A template has no
 * confidence: its draft has none, and it passes the gate only when every check passed and a person approved that
 * template for automatic use.
 */
public final class QualityReview {

    /** Why a draft has or has not the confidence it shows. */
    public enum Basis {
        MODEL,
        TEMPLATE_APPROVED,
        TEMPLATE
    }

    private final List<DraftCheck> checks;

    public QualityReview(List<DraftCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    /** A model-written draft: {@code modelConfidence} is the model's own evaluation (null when it gave none). */
    public Verdict review(CheckInput input, Double modelConfidence, double threshold) {
        return review(input, modelConfidence, threshold, false);
    }

    /**
     * {@code modelConfidence} null means no model evaluated the text (a template wrote it, or the model gave no
     * number); {@code templateApproved} whether a person approved that template for automatic use.
     */
    public Verdict review(CheckInput input, Double modelConfidence, double threshold, boolean templateApproved) {
        List<CheckResult> results = new ArrayList<>();
        for (DraftCheck check : checks) {
            if (check.appliesTo(input)) {
                results.add(check.check(input));
            }
        }
        long passed = results.stream().filter(CheckResult::passed).count();
        boolean allPassed = passed == results.size();
        if (modelConfidence == null) {
            Basis basis = templateApproved ? Basis.TEMPLATE_APPROVED : Basis.TEMPLATE;
            return new Verdict(results, null, allPassed, !allPassed, allPassed && templateApproved, threshold, basis);
        }
        double fromChecks = results.isEmpty() ? 1 : (double) passed / results.size();
        double confidence = 0.6 * fromChecks + 0.4 * Math.max(0, Math.min(1, modelConfidence));
        if (!allPassed) {
            confidence = Math.min(confidence, 0.4);
        }
        confidence = Math.round(confidence * 1000) / 1000.0;
        boolean flagged = confidence < threshold;
        return new Verdict(results, confidence, allPassed, flagged, allPassed && !flagged, threshold, Basis.MODEL);
    }

    /**
     * What the gate decided: each result, the confidence (null without a model's evaluation), whether all checks
     * passed, whether the draft is flagged for a closer look, whether it passed the gate (may be auto-approved when
     * an admin allows it) and the basis of that decision.
     */
    public record Verdict(
            List<CheckResult> results,
            Double confidence,
            boolean allPassed,
            boolean flagged,
            boolean gatePassed,
            double threshold,
            Basis basis) {

        /** One line for run items: the confidence or why there is none, and the checks. */
        public String summary() {
            String c = switch (basis) {
                case MODEL -> "confidence " + confidence;
                case TEMPLATE_APPROVED -> "template approved for automatic use, no model confidence";
                case TEMPLATE -> "written by a template, no model confidence: a person must approve it";
            };
            return c
                    + (allPassed ? ", all checks passed" : ", checks failed")
                    + (flagged ? ", flagged for a closer look" : "");
        }

        /** The checks as stored on the draft and shown in the inbox. */
        public Map<String, Object> asChecks(String reviewer, String model, String promptKey, Integer promptVersion) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("reviewer", reviewer);
            out.put("passed", allPassed);
            out.put("flagged", flagged);
            out.put("gatePassed", gatePassed);
            out.put("confidenceBasis", basis.name());
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
