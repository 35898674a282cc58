package ai.revo.missioncontrol.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The approximate index ({@link IvfIndex}) against the exact answer on the same vectors: recall on clustered vectors
 * (as embeddings of passages on a few hundred topics are), a narrow filter still filling k, appends reaching their
 * partition, and retraining once the index has doubled. The worst case, vectors uniformly random on the sphere (no
 * structure for any partitioning to use), is measured by {@code bench/knowledge.sh} and recorded in
 * docs/benchmarks.md, not held here.
 */
class VectorIndexRecallTest {

    static final int DIMS = 384;

    static float[] unit(Random random) {
        return unit(random, DIMS);
    }

    static float[] unit(Random random, int dims) {
        float[] v = new float[dims];
        double sum = 0;
        for (int i = 0; i < dims; i++) {
            v[i] = (float) random.nextGaussian();
            sum += v[i] * v[i];
        }
        for (int i = 0; i < dims; i++) {
            v[i] /= (float) Math.sqrt(sum);
        }
        return v;
    }

    /** A unit vector near {@code centre}: the centre plus noise of norm {@code noise}, normalised. */
    static float[] near(Random random, float[] centre, double noise) {
        return near(random, centre, noise, DIMS);
    }

    static float[] near(Random random, float[] centre, double noise, int dims) {
        float[] v = new float[dims];
        double sum = 0;
        for (int i = 0; i < dims; i++) {
            v[i] = (float) (centre[i] + noise * random.nextGaussian() / Math.sqrt(dims));
            sum += v[i] * v[i];
        }
        for (int i = 0; i < dims; i++) {
            v[i] /= (float) Math.sqrt(sum);
        }
        return v;
    }

    static double recall(IvfIndex index, float[][] queries, int k, java.util.function.IntPredicate admits) {
        IvfIndex.TopK approximate = new IvfIndex.TopK();
        IvfIndex.TopK exact = new IvfIndex.TopK();
        double found = 0;
        double wanted = 0;
        for (float[] q : queries) {
            index.search(q, k, admits, approximate);
            index.exact(q, k, admits, exact);
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
        return found / wanted;
    }

    @Test
    void recallOnClusteredVectorsAt20000() {
        Random random = new Random(20);
        float[][] topics = new float[300][];
        for (int i = 0; i < topics.length; i++) {
            topics[i] = unit(random);
        }
        IvfIndex index = new IvfIndex(DIMS, 20_000);
        for (int i = 0; i < 20_000; i++) {
            // noise of norm 1.2 around a topic: cosine about 0.64 to the topic, about 0.4 between two of its passages
            index.add(near(random, topics[random.nextInt(topics.length)], 1.2));
        }
        assertThat(index.wantsTraining()).isTrue();
        index.train();
        assertThat(index.lists()).isEqualTo(141);
        float[][] queries = new float[100][];
        for (int i = 0; i < queries.length; i++) {
            queries[i] = near(random, topics[random.nextInt(topics.length)], 1.2);
        }
        double at10 = recall(index, queries, 10, null);
        double at50 = recall(index, queries, 50, null);
        System.out.printf("IVF recall at 20,000 clustered: @10=%.3f @50=%.3f%n", at10, at50);
        assertThat(at10).isGreaterThanOrEqualTo(0.95);
        assertThat(at50).isGreaterThanOrEqualTo(0.95);
        // a filter admitting one vector in 500 (40 of 20,000) fills k with the exact nearest of them; one admitting
        // one in 5 is answered from the partitions probed
        IvfIndex.TopK hits = new IvfIndex.TopK();
        index.search(queries[0], 10, row -> row % 500 == 7, hits);
        assertThat(java.util.Arrays.stream(hits.sortedRows()).boxed().toList())
                .hasSize(10)
                .allMatch(row -> row % 500 == 7);
        index.search(queries[0], 50, row -> row % 500 == 7, hits);
        assertThat(hits.sortedRows()).hasSize(40);
        assertThat(recall(index, queries, 10, row -> row % 500 == 7)).isEqualTo(1.0);
        assertThat(recall(index, queries, 10, row -> row % 5 == 1)).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void belowTheThresholdEverySearchIsExact() {
        Random random = new Random(5);
        IvfIndex index = new IvfIndex(DIMS, 0);
        for (int i = 0; i < 4_999; i++) {
            index.add(unit(random));
        }
        assertThat(index.wantsTraining()).isFalse();
        assertThat(index.lists()).isEqualTo(1);
        float[][] queries = {unit(random), unit(random), unit(random)};
        assertThat(recall(index, queries, 10, null)).isEqualTo(1.0);
    }

    @Test
    void appendsLandInTheirPartitionAndTheIndexRetrainsOnceDoubled() {
        Random random = new Random(7);
        float[][] topics = new float[40][];
        for (int i = 0; i < topics.length; i++) {
            topics[i] = unit(random);
        }
        IvfIndex index = new IvfIndex(DIMS, 600, 500, IvfIndex.DEFAULT_PROBE_SHARE, IvfIndex.DEFAULT_MIN_PROBE);
        for (int i = 0; i < 600; i++) {
            index.add(near(random, topics[i % topics.length], 1.2));
        }
        index.train();
        assertThat(index.trainedSize()).isEqualTo(600);
        assertThat(index.lists()).isEqualTo(24);
        float[] fresh = near(random, topics[3], 1.2);
        index.add(fresh);
        IvfIndex.TopK hits = new IvfIndex.TopK();
        index.search(fresh, 1, null, hits);
        assertThat(hits.sortedRows()).containsExactly(600);
        assertThat(hits.sortedScores()[0]).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
        assertThat(index.vector(600)).containsExactly(fresh);
        for (int i = 601; i < 1200; i++) {
            index.add(near(random, topics[i % topics.length], 1.2));
        }
        assertThat(index.wantsTraining()).isFalse(); // 1,200 is not yet past twice 600
        index.add(near(random, topics[0], 1.2));
        assertThat(index.wantsTraining()).isTrue();
        index.train();
        assertThat(index.trainedSize()).isEqualTo(1201);
        assertThat(index.lists()).isEqualTo(35);
        assertThat(index.vector(600)).containsExactly(fresh);
        index.search(fresh, 1, null, hits);
        assertThat(hits.sortedRows()).containsExactly(600);
    }
}
