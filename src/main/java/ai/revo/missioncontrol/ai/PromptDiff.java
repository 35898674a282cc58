package ai.revo.missioncontrol.ai;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff between two versions of a prompt (system message, template, fallback and schema, each under a
 * heading): each line kept ({@code " "}), removed ({@code "-"}) or added ({@code "+"}).
 */
public record PromptDiff(String key, int from, int to, List<Line> lines) {

    public record Line(String op, String text) {}

    public boolean identical() {
        return lines.stream().allMatch(l -> l.op().equals(" "));
    }

    /** The longest-common-subsequence diff of two texts, line by line. */
    static List<Line> lines(String a, String b) {
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        int[][] lcs = new int[x.length + 1][y.length + 1];
        for (int i = x.length - 1; i >= 0; i--) {
            for (int j = y.length - 1; j >= 0; j--) {
                lcs[i][j] = x[i].equals(y[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Line> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < x.length || j < y.length) {
            if (i < x.length && j < y.length && x[i].equals(y[j])) {
                out.add(new Line(" ", x[i++]));
                j++;
            } else if (j >= y.length || (i < x.length && lcs[i + 1][j] >= lcs[i][j + 1])) {
                out.add(new Line("-", x[i++]));
            } else {
                out.add(new Line("+", y[j++]));
            }
        }
        return List.copyOf(out);
    }
}
