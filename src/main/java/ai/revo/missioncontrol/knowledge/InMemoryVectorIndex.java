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
import java.util.PriorityQueue;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * An exact scan over a workspace's vectors held in this node's memory (pgvector is not available with the embedded
 * PostgreSQL). Loaded lazily per workspace and kept in a Caffeine cache; before every search the workspace's index
 * state is read from the database: new chunks are appended (by sequence), and any removal reloads the workspace, so
 * a node that missed a change, or joined late, answers from what the database holds. Passages are read back from the
 * database afterwards, so a chunk deleted a moment ago is never answered.
 */
@Component
class InMemoryVectorIndex implements VectorIndex {

    /** One workspace's vectors: row-major, {@code dims} floats per chunk, sized at load, grown by half as chunks come. */
    static final class Workspace {
        final long removals;
        long generation;
        long maxSeq;
        int size;
        final int dims;
        int skipped;
        float[] matrix = new float[0];
        UUID[] ids = new UUID[0];
        UUID[] campaigns = new UUID[0];
        UUID[] sources = new UUID[0];
        final Map<UUID, Integer> rowOf = new HashMap<>();

        Workspace(long removals, int dims, int expected) {
            this.removals = removals;
            this.dims = dims;
            // sized for what the database holds, so a full load does not leave up to half the matrix unused
            ids = new UUID[expected];
            campaigns = new UUID[expected];
            sources = new UUID[expected];
            matrix = new float[expected * dims];
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
                matrix = Arrays.copyOf(matrix, capacity * dims);
            }
            System.arraycopy(v.vector(), 0, matrix, size * dims, dims);
            ids[size] = v.chunkId();
            campaigns[size] = v.campaignId();
            sources[size] = v.sourceId();
            rowOf.put(v.chunkId(), size);
            size++;
            maxSeq = Math.max(maxSeq, v.seq());
        }

        long weight() {
            return 1 + (long) size * Math.max(1, dims);
        }
    }

    private final ChunkStore store;
    private final Embeddings embeddings;
    private final Cache<UUID, Workspace> cache;

    InMemoryVectorIndex(
            ChunkStore store,
            Embeddings embeddings,
            @Value("${mc.knowledge.index.max-floats:200000000}") long maxFloats,
            @Value("${mc.knowledge.index.idle:PT2H}") Duration idle) {
        this.store = store;
        this.embeddings = embeddings;
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
            PriorityQueue<Hit> best =
                    new PriorityQueue<>(k + 1, (a, b) -> Float.compare(a.similarity(), b.similarity()));
            if (w.dims != query.length) {
                return List.of();
            }
            float[] m = w.matrix;
            int dims = w.dims;
            boolean whole = scope.campaignId() == null;
            for (int row = 0; row < w.size; row++) {
                if (!whole && !scope.admits(w.campaigns[row], w.sources[row])) {
                    continue;
                }
                float dot = dot(m, row * dims, query, dims);
                if (best.size() < k) {
                    best.add(new Hit(w.ids[row], dot));
                } else if (dot > best.peek().similarity()) {
                    best.poll();
                    best.add(new Hit(w.ids[row], dot));
                }
            }
            Hit[] out = best.toArray(new Hit[0]);
            Arrays.sort(out, (a, b) -> Float.compare(b.similarity(), a.similarity()));
            return List.of(out);
        }
    }

    /**
     * The dot product of a row and the query, with four independent sums so the CPU overlaps the multiply-adds (one
     * running sum waits for each addition before the next; measured by bench/knowledge.sh).
     */
    static float dot(float[] m, int base, float[] q, int dims) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < dims; i += 4) {
            s0 += m[base + i] * q[i];
            s1 += m[base + i + 1] * q[i + 1];
            s2 += m[base + i + 2] * q[i + 2];
            s3 += m[base + i + 3] * q[i + 3];
        }
        for (; i < dims; i++) {
            s0 += m[base + i] * q[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public Map<UUID, float[]> vectors(TenantId tenant, List<UUID> chunkIds) {
        Workspace w = current(tenant);
        Map<UUID, float[]> out = new HashMap<>();
        synchronized (w) {
            for (UUID id : chunkIds) {
                Integer row = w.rowOf.get(id);
                if (row != null) {
                    out.put(id, Arrays.copyOfRange(w.matrix, row * w.dims, (row + 1) * w.dims));
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
            Workspace fresh = new Workspace(state.removals(), embeddings.dimensions(), store.countOf(tenant, model));
            fresh.generation = state.generation();
            store.vectorsAfter(tenant, 0, model, fresh::add);
            cache.put(tenant.value(), fresh);
            return fresh;
        }
        synchronized (w) {
            if (w.generation != state.generation()) {
                long generation = state.generation();
                store.vectorsAfter(tenant, w.maxSeq, embeddings.modelName(), w::add);
                w.generation = generation;
                cache.put(tenant.value(), w); // re-weigh
            }
        }
        return w;
    }
}
