package ai.revo.missioncontrol.knowledge;

import java.util.Arrays;
import java.util.Random;
import java.util.function.IntPredicate;

/**
 * An inverted-file (IVF) index over unit vectors, nearest by dot product: the vectors are partitioned by their
 * nearest of about √n centroids (spherical k-means trained on a sample), each partition's vectors stored contiguously
 * in one float array, and a search scans only the partitions whose centroids are nearest the query. Below {@link
 * #exactBelow} vectors it is one partition, scanned whole (exact). Vectors are numbered by the caller (0, 1, 2, ... in
 * the order added); the index answers those numbers. Not thread-safe: the caller serialises access.
 */
final class IvfIndex {

    /** Below this many vectors a search scans them all (exact; about 2 ms at 5,000 × 384). */
    static final int DEFAULT_EXACT_BELOW = 5_000;

    /** Training samples per centroid (k-means on more is slower and no better for partitioning). */
    static final int SAMPLES_PER_LIST = 40;

    static final int ITERATIONS = 6;

    final int dims;
    final int exactBelow;
    /** The share of partitions probed first; more are probed while fewer than k vectors in scope were found. */
    final double probeShare;

    final int minProbe;

    private int size;
    private int lists = 1;
    private int trainedSize;
    private float[] centroids = new float[0];
    private float[][] data;
    private int[][] rows;
    private int[] counts;
    /** By vector number: its partition and its position there. */
    private int[] listOf = new int[0];

    private int[] posOf = new int[0];

    /** The share of partitions a search reads first (recall@50 ≥ 0.98 on clustered vectors at 100,000). */
    static final double DEFAULT_PROBE_SHARE = 0.08;

    /** The fewest partitions a search reads first. */
    static final int DEFAULT_MIN_PROBE = 8;

    IvfIndex(int dims, int expected) {
        this(dims, expected, DEFAULT_EXACT_BELOW, DEFAULT_PROBE_SHARE, DEFAULT_MIN_PROBE);
    }

    IvfIndex(int dims, int expected, int exactBelow, double probeShare, int minProbe) {
        this.dims = dims;
        this.exactBelow = exactBelow;
        this.probeShare = probeShare;
        this.minProbe = minProbe;
        int capacity = Math.max(16, expected);
        data = new float[][] {new float[capacity * dims]};
        rows = new int[][] {new int[capacity]};
        counts = new int[1];
        listOf = new int[capacity];
        posOf = new int[capacity];
    }

    int size() {
        return size;
    }

    int lists() {
        return lists;
    }

    int trainedSize() {
        return trainedSize;
    }

    /** Adds vector number {@link #size()} (the vector's length must be {@link #dims}). */
    void add(float[] v) {
        int row = size;
        int list = lists == 1 ? 0 : nearestCentroid(v, 0);
        place(row, list, v, 0);
        size++;
    }

    private void place(int row, int list, float[] src, int offset) {
        int at = counts[list];
        if (at == rows[list].length) {
            int capacity = Math.max(16, at + (at >> 1));
            rows[list] = Arrays.copyOf(rows[list], capacity);
            data[list] = Arrays.copyOf(data[list], capacity * dims);
        }
        System.arraycopy(src, offset, data[list], at * dims, dims);
        rows[list][at] = row;
        counts[list] = at + 1;
        if (row >= listOf.length) {
            int capacity = Math.max(16, row + (row >> 1) + 1);
            listOf = Arrays.copyOf(listOf, capacity);
            posOf = Arrays.copyOf(posOf, capacity);
        }
        listOf[row] = list;
        posOf[row] = at;
    }

    /** A copy of vector number {@code row}. */
    float[] vector(int row) {
        int list = listOf[row];
        int base = posOf[row] * dims;
        return Arrays.copyOfRange(data[list], base, base + dims);
    }

    /** Whether the index should be (re)trained: it reached the exact threshold, or grew past twice its trained size. */
    boolean wantsTraining() {
        return size >= exactBelow && (trainedSize == 0 || size > 2L * trainedSize);
    }

    /**
     * Partitions the vectors anew: about √n centroids by spherical k-means on a sample (deterministic for the same
     * vectors), every vector moved to its nearest centroid's partition.
     */
    void train() {
        int n = size;
        if (n < exactBelow) {
            return;
        }
        int l = Math.max(2, (int) Math.round(Math.sqrt(n)));
        int samples = (int) Math.min(n, (long) l * SAMPLES_PER_LIST);
        Random random = new Random(n);
        int[] sample = sample(n, samples, random);
        float[] points = new float[samples * dims];
        for (int i = 0; i < samples; i++) {
            copyInto(sample[i], points, i * dims);
        }
        float[] c = new float[l * dims];
        for (int j = 0; j < l; j++) {
            System.arraycopy(points, j * dims, c, j * dims, dims); // the sample is shuffled: its first l points
        }
        int[] assigned = new int[samples];
        float[] sums = new float[l * dims];
        int[] members = new int[l];
        for (int it = 0; it < ITERATIONS; it++) {
            Groups groups = new Groups(c, l);
            for (int i = 0; i < samples; i++) {
                assigned[i] = groups.nearest(points, i * dims);
            }
            Arrays.fill(sums, 0);
            Arrays.fill(members, 0);
            for (int i = 0; i < samples; i++) {
                int j = assigned[i];
                members[j]++;
                int p = i * dims;
                int s = j * dims;
                for (int d = 0; d < dims; d++) {
                    sums[s + d] += points[p + d];
                }
            }
            for (int j = 0; j < l; j++) {
                if (members[j] == 0) {
                    // an empty partition takes a random sample point, so no centroid is wasted
                    System.arraycopy(points, random.nextInt(samples) * dims, c, j * dims, dims);
                    continue;
                }
                normalise(sums, j * dims, c, j * dims);
            }
        }
        float[][] oldData = data;
        int[][] oldRows = rows;
        int[] oldCounts = counts;
        int oldLists = lists;
        int[] target = new int[n];
        int[] sizes = new int[l];
        Groups groups = new Groups(c, l);
        for (int list = 0; list < oldLists; list++) {
            float[] block = oldData[list];
            for (int i = 0; i < oldCounts[list]; i++) {
                int row = oldRows[list][i];
                target[row] = groups.nearest(block, i * dims);
                sizes[target[row]]++;
            }
        }
        centroids = c;
        lists = l;
        data = new float[l][];
        rows = new int[l][];
        counts = new int[l];
        for (int j = 0; j < l; j++) {
            int capacity = Math.max(4, sizes[j] + (sizes[j] >> 3));
            data[j] = new float[capacity * dims];
            rows[j] = new int[capacity];
        }
        for (int list = 0; list < oldLists; list++) {
            float[] block = oldData[list];
            for (int i = 0; i < oldCounts[list]; i++) {
                int row = oldRows[list][i];
                place(row, target[row], block, i * dims);
            }
            oldData[list] = null; // lets the old partition go while the new ones fill
        }
        trainedSize = n;
    }

    private void copyInto(int row, float[] dst, int offset) {
        System.arraycopy(data[listOf[row]], posOf[row] * dims, dst, offset, dims);
    }

    private static int[] sample(int n, int samples, Random random) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        for (int i = 0; i < samples; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return Arrays.copyOf(all, samples);
    }

    private void normalise(float[] src, int from, float[] dst, int to) {
        double norm = 0;
        for (int d = 0; d < dims; d++) {
            norm += src[from + d] * src[from + d];
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < dims; d++) {
            dst[to + d] = src[from + d] * scale;
        }
    }

    /** The centroid of {@code c} (l of them) nearest the vector at {@code v[offset]}: four centroids per pass. */
    private int nearest(float[] c, int l, float[] v, int offset) {
        int best = 0;
        float bestDot = Float.NEGATIVE_INFINITY;
        int j = 0;
        for (; j + 3 < l; j += 4) {
            int b0 = j * dims;
            int b1 = b0 + dims;
            int b2 = b1 + dims;
            int b3 = b2 + dims;
            float s0 = 0;
            float s1 = 0;
            float s2 = 0;
            float s3 = 0;
            for (int d = 0; d < dims; d++) {
                float x = v[offset + d];
                s0 += c[b0 + d] * x;
                s1 += c[b1 + d] * x;
                s2 += c[b2 + d] * x;
                s3 += c[b3 + d] * x;
            }
            if (s0 > bestDot) {
                bestDot = s0;
                best = j;
            }
            if (s1 > bestDot) {
                bestDot = s1;
                best = j + 1;
            }
            if (s2 > bestDot) {
                bestDot = s2;
                best = j + 2;
            }
            if (s3 > bestDot) {
                bestDot = s3;
                best = j + 3;
            }
        }
        for (; j < l; j++) {
            float d = dot(c, j * dims, v, offset, dims);
            if (d > bestDot) {
                bestDot = d;
                best = j;
            }
        }
        return best;
    }

    private int nearestCentroid(float[] v, int offset) {
        return nearest(centroids, lists, v, offset);
    }

    /**
     * The centroids themselves grouped by k-means (about √l groups), so assigning every vector after training reads
     * the group centres and the members of the nearest {@link #GROUPS_READ} groups (about a quarter of the
     * centroids at 100,000 vectors) instead of every centroid. A vector whose nearest centroid sits in a fourth group
     * goes to a near one instead, which a search probing several partitions still reads.
     */
    static final int GROUPS_READ = 5;

    private final class Groups {
        final float[] centres;
        final int count;
        final int[][] members;
        final float[] all;
        /** Each group's member centroids, contiguous (so the four-at-a-time scan reads them). */
        final float[][] blocks;

        Groups(float[] c, int l) {
            count = Math.max(1, (int) Math.round(Math.sqrt(l)));
            Random random = new Random(l);
            int[] seeds = sample(l, count, random);
            centres = new float[count * dims];
            for (int g = 0; g < count; g++) {
                System.arraycopy(c, seeds[g] * dims, centres, g * dims, dims);
            }
            int[] of = new int[l];
            float[] sums = new float[count * dims];
            int[] sizes = new int[count];
            for (int it = 0; it < ITERATIONS; it++) {
                for (int j = 0; j < l; j++) {
                    of[j] = IvfIndex.this.nearest(centres, count, c, j * dims);
                }
                Arrays.fill(sums, 0);
                Arrays.fill(sizes, 0);
                for (int j = 0; j < l; j++) {
                    sizes[of[j]]++;
                    for (int d = 0; d < dims; d++) {
                        sums[of[j] * dims + d] += c[j * dims + d];
                    }
                }
                for (int g = 0; g < count; g++) {
                    if (sizes[g] > 0) {
                        normalise(sums, g * dims, centres, g * dims);
                    }
                }
            }
            members = new int[count][];
            int[] fill = new int[count];
            for (int j = 0; j < l; j++) {
                fill[of[j]]++;
            }
            for (int g = 0; g < count; g++) {
                members[g] = new int[fill[g]];
                fill[g] = 0;
            }
            for (int j = 0; j < l; j++) {
                members[of[j]][fill[of[j]]++] = j;
            }
            all = c;
            blocks = new float[count][];
            for (int g = 0; g < count; g++) {
                blocks[g] = new float[members[g].length * dims];
                for (int m = 0; m < members[g].length; m++) {
                    System.arraycopy(c, members[g][m] * dims, blocks[g], m * dims, dims);
                }
            }
        }

        int nearest(float[] v, int offset) {
            if (count <= GROUPS_READ) {
                return IvfIndex.this.nearest(all, all.length / dims, v, offset);
            }
            int[] top = new int[GROUPS_READ];
            float[] topDot = new float[GROUPS_READ];
            Arrays.fill(topDot, Float.NEGATIVE_INFINITY);
            for (int g = 0; g < count; g++) {
                float d = dot(centres, g * dims, v, offset, dims);
                for (int t = 0; t < GROUPS_READ; t++) {
                    if (d > topDot[t]) {
                        for (int u = GROUPS_READ - 1; u > t; u--) {
                            topDot[u] = topDot[u - 1];
                            top[u] = top[u - 1];
                        }
                        topDot[t] = d;
                        top[t] = g;
                        break;
                    }
                }
            }
            int best = 0;
            float bestDot = Float.NEGATIVE_INFINITY;
            for (int t = 0; t < GROUPS_READ; t++) {
                int[] ids = members[top[t]];
                if (ids.length == 0) {
                    continue;
                }
                int local = IvfIndex.this.nearest(blocks[top[t]], ids.length, v, offset);
                float d = dot(all, ids[local] * dims, v, offset, dims);
                if (d > bestDot) {
                    bestDot = d;
                    best = ids[local];
                }
            }
            return best;
        }
    }

    /**
     * The {@code k} vectors nearest {@code query} among those {@code admits} accepts (null: all), best first, into
     * {@code out}. Reads the nearest {@code max(minProbe, probeShare × partitions)} partitions. A narrow filter then
     * reads on: when the share of vectors it admitted there says that it admits fewer vectors in all than were just
     * compared, the rest of the index is read too, comparing only the admitted ones (exact, and no dearer than the
     * probe); otherwise further partitions, nearest first, until k admitted vectors were found.
     */
    void search(float[] query, int k, IntPredicate admits, TopK out) {
        out.reset(k);
        if (size == 0 || k <= 0) {
            return;
        }
        if (lists == 1) {
            scan(0, query, admits, out);
            return;
        }
        float[] score = new float[lists];
        Integer[] order = new Integer[lists];
        for (int j = 0; j < lists; j++) {
            score[j] = dot(centroids, j * dims, query, 0, dims);
            order[j] = j;
        }
        Arrays.sort(order, (a, b) -> Float.compare(score[b], score[a]));
        int probe = Math.min(lists, Math.max(minProbe, (int) Math.ceil(probeShare * lists)));
        long seen = 0;
        long admitted = 0;
        for (int i = 0; i < probe; i++) {
            seen += counts[order[i]];
            admitted += scan(order[i], query, admits, out);
        }
        if (admits == null || probe == lists) {
            return;
        }
        boolean narrow = seen == 0 || (double) admitted / seen * size <= seen;
        for (int i = probe; i < lists; i++) {
            if (!narrow && out.size() >= k) {
                break;
            }
            scan(order[i], query, admits, out);
        }
    }

    /** The exact answer (every vector read), for measuring the recall of {@link #search}. */
    void exact(float[] query, int k, IntPredicate admits, TopK out) {
        out.reset(k);
        for (int list = 0; list < lists; list++) {
            scan(list, query, admits, out);
        }
    }

    /** Compares the query with the admitted vectors of one partition; the number admitted. */
    private int scan(int list, float[] query, IntPredicate admits, TopK out) {
        float[] block = data[list];
        int[] ids = rows[list];
        int count = counts[list];
        int admitted = 0;
        for (int i = 0; i < count; i++) {
            if (admits != null && !admits.test(ids[i])) {
                continue;
            }
            admitted++;
            out.offer(ids[i], dot(block, i * dims, query, 0, dims));
        }
        return admitted;
    }

    /**
     * The dot product of a stored vector and the query, with four independent sums so the CPU overlaps the
     * multiply-adds (one running sum waits for each addition before the next).
     */
    static float dot(float[] m, int base, float[] q, int qBase, int dims) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < dims; i += 4) {
            s0 += m[base + i] * q[qBase + i];
            s1 += m[base + i + 1] * q[qBase + i + 1];
            s2 += m[base + i + 2] * q[qBase + i + 2];
            s3 += m[base + i + 3] * q[qBase + i + 3];
        }
        for (; i < dims; i++) {
            s0 += m[base + i] * q[qBase + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** The best {@code k} (vector number, similarity) pairs seen: a min-heap on similarity, no boxing. */
    static final class TopK {
        private int k;
        private int size;
        private int[] rows = new int[0];
        private float[] scores = new float[0];

        void reset(int k) {
            this.k = k;
            size = 0;
            sorted = false;
            if (rows.length < k) {
                rows = new int[k];
                scores = new float[k];
            }
        }

        int size() {
            return size;
        }

        void offer(int row, float score) {
            if (size < k) {
                int i = size++;
                while (i > 0) {
                    int parent = (i - 1) >> 1;
                    if (scores[parent] <= score) {
                        break;
                    }
                    rows[i] = rows[parent];
                    scores[i] = scores[parent];
                    i = parent;
                }
                rows[i] = row;
                scores[i] = score;
            } else if (score > scores[0]) {
                int i = 0;
                while (true) {
                    int left = 2 * i + 1;
                    if (left >= size) {
                        break;
                    }
                    int child = left + 1 < size && scores[left + 1] < scores[left] ? left + 1 : left;
                    if (scores[child] >= score) {
                        break;
                    }
                    rows[i] = rows[child];
                    scores[i] = scores[child];
                    i = child;
                }
                rows[i] = row;
                scores[i] = score;
            }
        }

        /** The vector numbers, best first (their similarities in {@link #sortedScores()}, same order). */
        int[] sortedRows() {
            sort();
            return Arrays.copyOf(rows, size);
        }

        float[] sortedScores() {
            sort();
            return Arrays.copyOf(scores, size);
        }

        private boolean sorted;

        private void sort() {
            // heap order to best-first: pop into the tail (a heap sort on the min-heap gives descending order)
            if (sorted) {
                return;
            }
            int n = size;
            for (int end = n - 1; end > 0; end--) {
                int r = rows[0];
                float s = scores[0];
                rows[0] = rows[end];
                scores[0] = scores[end];
                rows[end] = r;
                scores[end] = s;
                siftDown(0, end);
            }
            sorted = true;
        }

        private void siftDown(int i, int n) {
            int row = rows[i];
            float score = scores[i];
            while (true) {
                int left = 2 * i + 1;
                if (left >= n) {
                    break;
                }
                int child = left + 1 < n && scores[left + 1] < scores[left] ? left + 1 : left;
                if (scores[child] >= score) {
                    break;
                }
                rows[i] = rows[child];
                scores[i] = scores[child];
                i = child;
            }
            rows[i] = row;
            scores[i] = score;
        }
    }
}
