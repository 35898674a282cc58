package ai.revo.missioncontrol.knowledge;

import ai.revo.missioncontrol.ai.Embeddings;
import ai.revo.missioncontrol.identity.TenantId;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntPredicate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A workspace's vectors held in this node's memory (pgvector is not available with the embedded PostgreSQL), searched
 * through an inverted-file index ({@link IvfIndex}: about √n k-means partitions, the nearest few read; below 5,000
 * passages every vector is read, exactly). Loaded lazily per workspace and kept in a Caffeine cache; the partitions
 * are trained at load, and again when the workspace has grown past twice the size they were trained on. Before every
 * search the workspace's index state is read from the database: new chunks are appended (by sequence) to their
 * nearest partition, and any removal reloads the workspace, so a node that missed a change, or joined late, answers
 * from what the database holds. Passages are read back from the database afterwards, so a chunk deleted a moment ago
 * is never answered.
 */
@Component
class InMemoryVectorIndex implements VectorIndex {

    /** One workspace's vectors (in the IVF index, numbered in load order) and each one's chunk, campaign, source. */
    static final class Workspace {
        final long removals;
        long generation;
        long maxSeq;
        int size;
        final int dims;
        int skipped;
        final IvfIndex index;
        UUID[] ids;
        UUID[] campaigns;
        UUID[] sources;
        final Map<UUID, Integer> rowOf = new HashMap<>();

        Workspace(long removals, int dims, int expected, int exactBelow) {
            this.removals = removals;
            this.dims = dims;
            // sized for what the database holds, so a full load does not leave up to half the arrays unused
            int capacity = Math.max(16, expected);
            ids = new UUID[capacity];
            campaigns = new UUID[capacity];
            sources = new UUID[capacity];
            index = new IvfIndex(dims, capacity, exactBelow, IvfIndex.DEFAULT_PROBE_SHARE, IvfIndex.DEFAULT_MIN_PROBE);
        }

        /** Adds a vector of the model in use; one of other dimensions (a corrupt row) is counted and left out. */
        void add(ChunkStore.StoredVector v) {
            if (v.vector().length != dims) {
                skipped++;
                return;
            }
            if (size == ids.length) {
                int capacity = Math.max(64, ids.length + (ids.length >> 1));
                ids = Arrays.copyOf(ids, capacity);
                campaigns = Arrays.copyOf(campaigns, capacity);
                sources = Arrays.copyOf(sources, capacity);
            }
            index.add(v.vector());
            ids[size] = v.chunkId();
            campaigns[size] = v.campaignId();
            sources[size] = v.sourceId();
            rowOf.put(v.chunkId(), size);
            size++;
            maxSeq = Math.max(maxSeq, v.seq());
        }

        /** Trains the partitions when the workspace reached the exact threshold or doubled since the last training. */
        void trainIfDue() {
            if (index.wantsTraining()) {
                index.train();
            }
        }

        List<Hit> nearest(float[] query, SearchScope scope, int k) {
            if (dims != query.length) {
                return List.of();
            }
            IntPredicate admits = scope.campaignId() == null ? null : row -> scope.admits(campaigns[row], sources[row]);
            IvfIndex.TopK best = new IvfIndex.TopK();
            index.search(query, k, admits, best);
            int[] rows = best.sortedRows();
            float[] scores = best.sortedScores();
            Hit[] out = new Hit[rows.length];
            for (int i = 0; i < rows.length; i++) {
                out[i] = new Hit(ids[rows[i]], scores[i]);
            }
            return List.of(out);
        }

        long weight() {
            return 1 + (long) size * Math.max(1, dims);
        }
    }

    private final ChunkStore store;
    private final Embeddings embeddings;
    private final Cache<UUID, Workspace> cache;
    private final int exactBelow;

    InMemoryVectorIndex(
            ChunkStore store,
            Embeddings embeddings,
            @Value("${mc.knowledge.index.max-floats:200000000}") long maxFloats,
            @Value("${mc.knowledge.index.idle:PT2H}") Duration idle,
            @Value("${mc.knowledge.index.exact-below:" + IvfIndex.DEFAULT_EXACT_BELOW + "}") int exactBelow) {
        this.store = store;
        this.embeddings = embeddings;
        this.exactBelow = exactBelow;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxFloats)
                .weigher((UUID k, Workspace w) -> (int) Math.min(Integer.MAX_VALUE, w.weight()))
                .expireAfterAccess(idle)
                .build();
    }

    @Override
    public List<Hit> nearest(TenantId tenant, float[] query, SearchScope scope, int k) {
        Workspace w = current(tenant);
        synchronized (w) {
            return w.nearest(query, scope, k);
        }
    }

    @Override
    public Map<UUID, float[]> vectors(TenantId tenant, List<UUID> chunkIds) {
        Workspace w = current(tenant);
        Map<UUID, float[]> out = new HashMap<>();
        synchronized (w) {
            for (UUID id : chunkIds) {
                Integer row = w.rowOf.get(id);
                if (row != null) {
                    out.put(id, w.index.vector(row));
                }
            }
        }
        return out;
    }

    /** Forgets this node's copy of a workspace (tests, and memory pressure by hand). */
    void evict(TenantId tenant) {
        cache.invalidate(tenant.value());
    }

    /**
     * The workspace's index brought up to the database's state. It holds only the vectors of the model in use, and
     * its dimension is that model's (the length of a question's vector), never whatever the first stored row had.
     */
    Workspace current(TenantId tenant) {
        ChunkStore.State state = store.state(tenant);
        Workspace w = cache.getIfPresent(tenant.value());
        if (w == null || w.removals != state.removals()) {
            String model = embeddings.modelName();
            Workspace fresh =
                    new Workspace(state.removals(), embeddings.dimensions(), store.countOf(tenant, model), exactBelow);
            fresh.generation = state.generation();
            store.vectorsAfter(tenant, 0, model, fresh::add);
            fresh.trainIfDue();
            cache.put(tenant.value(), fresh);
            return fresh;
        }
        synchronized (w) {
            if (w.generation != state.generation()) {
                long generation = state.generation();
                store.vectorsAfter(tenant, w.maxSeq, embeddings.modelName(), w::add);
                w.trainIfDue();
                w.generation = generation;
                cache.put(tenant.value(), w); // re-weigh
            }
        }
        return w;
    }
}
