package ai.revo.missioncontrol.knowledge;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The node's approximate index ({@link IvfIndex}, default parameters) built outside the node on given vectors, for
 * {@code bench/knowledge.sh} to measure its recall against the exact answer on the same vectors and questions.
 */
public final class IvfRecall {

    private final IvfIndex index;
    private long trainNanos;

    public IvfRecall(int dims, int expected) {
        index = new IvfIndex(dims, expected);
    }

    public void add(float[] vector) {
        index.add(vector);
    }

    /** Trains as the node does at load (nothing below the exact threshold). */
    public void train() {
        long start = System.nanoTime();
        if (index.wantsTraining()) {
            index.train();
        }
        trainNanos = System.nanoTime() - start;
    }

    /** recall@k of the approximate search against the exact scan, for each k, and the time of each. */
    public String measure(List<float[]> queries, int... ks) {
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT,
                "vectors=%d partitions=%d probed_first=%d training_ms=%.0f",
                index.size(),
                index.lists(),
                Math.min(index.lists(), Math.max(index.minProbe, (int) Math.ceil(index.probeShare * index.lists()))),
                trainNanos / 1e6));
        IvfIndex.TopK approximate = new IvfIndex.TopK();
        IvfIndex.TopK exact = new IvfIndex.TopK();
        for (int k : ks) {
            double found = 0;
            double wanted = 0;
            long approximateNanos = 0;
            long exactNanos = 0;
            for (float[] q : queries) {
                long a = System.nanoTime();
                index.search(q, k, null, approximate);
                long b = System.nanoTime();
                index.exact(q, k, null, exact);
                long c = System.nanoTime();
                approximateNanos += b - a;
                exactNanos += c - b;
                Set<Integer> truth = new HashSet<>();
                for (int row : exact.sortedRows()) {
                    truth.add(row);
                }
                for (int row : approximate.sortedRows()) {
                    if (truth.contains(row)) {
                        found++;
                    }
                }
                wanted += truth.size();
            }
            out.append(String.format(
                    Locale.ROOT,
                    " recall@%d=%.3f (approximate %.2f ms, exact %.2f ms mean)",
                    k,
                    found / wanted,
                    approximateNanos / 1e6 / queries.size(),
                    exactNanos / 1e6 / queries.size()));
        }
        return out.toString();
    }
}
