package ai.revo.missioncontrol.drafts;

import java.util.ArrayList;
import java.util.List;

/** A line diff between two versions: each line kept ({@code " "}), removed ({@code "-"}) or added ({@code "+"}). */
public record LineDiff(int from, int to, List<Line> lines) {

    public record Line(String op, String text) {}

    /** The longest-common-subsequence diff of two texts, line by line. */
    static LineDiff between(int from, String a, int to, String b) {
        String[] x = (a == null ? "" : a).split("\n", -1);
        String[] y = (b == null ? "" : b).split("\n", -1);
        int[][] lcs = new int[x.length + 1][y.length + 1];
        for (int i = x.length - 1; i >= 0; i--) {
            for (int j = y.length - 1; j >= 0; j--) {
                lcs[i][j] = x[i].equals(y[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Line> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < x.length && j < y.length) {
            if (x[i].equals(y[j])) {
                lines.add(new Line(" ", x[i++]));
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                lines.add(new Line("-", x[i++]));
            } else {
                lines.add(new Line("+", y[j++]));
            }
        }
        while (i < x.length) {
            lines.add(new Line("-", x[i++]));
        }
        while (j < y.length) {
            lines.add(new Line("+", y[j++]));
        }
        return new LineDiff(from, to, List.copyOf(lines));
    }
}
