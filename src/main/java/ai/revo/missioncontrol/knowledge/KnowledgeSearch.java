package ai.revo.missioncontrol.knowledge;

import ai.revo.missioncontrol.ai.Embeddings;
import ai.revo.missioncontrol.campaigns.CampaignManagement;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.ApiException;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Hybrid retrieval: the question's vector against the workspace's in-memory index (semantic leg) and PostgreSQL
 * full-text search (text leg, run at the same time on another thread), fused by reciprocal rank fusion, then re-ranked for diversity (maximal marginal
 * relevance) and cut at the minimum relevance. People (the "try a question" box, the API) and the AI use the same
 * facade. Not transactional: the question is embedded outside any transaction.
 */
@Service
public class KnowledgeSearch {

    public static final int DEFAULT_K = 5;
    public static final int MAX_K = 50;
    static final int RRF_K = 60;
    static final double MMR_LAMBDA = 0.7;

    /** Which legs to use; BOTH is what the product does, the others are for measuring each leg alone. */
    public enum Mode {
        BOTH,
        SEMANTIC,
        TEXT
    }

    private final Embeddings embeddings;
    private final VectorIndex index;
    private final ChunkStore chunks;
    private final CampaignManagement campaigns;
    private final CampaignScopes scopes;

    /** Runs the full-text leg beside the semantic one; when all are busy the request's own thread runs it. */
    private final ThreadPoolExecutor textLegs = new ThreadPoolExecutor(
            0,
            8,
            60,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            runnable -> {
                Thread t = new Thread(runnable, "knowledge-text-leg");
                t.setDaemon(true);
                return t;
            },
            new ThreadPoolExecutor.CallerRunsPolicy());

    KnowledgeSearch(
            Embeddings embeddings,
            VectorIndex index,
            ChunkStore chunks,
            CampaignManagement campaigns,
            CampaignScopes scopes) {
        this.embeddings = embeddings;
        this.index = index;
        this.chunks = chunks;
        this.campaigns = campaigns;
        this.scopes = scopes;
    }

    /**
     * The passages that best answer {@code question}: with {@code campaignId}, among the sources that campaign draws
     * on (its own, the workspace-wide ones it uses, those it attached: {@link KnowledgeSources#campaignKnowledge});
     * without, among all. {@code k} 1..50 (null: 5); passages whose relevance (cosine similarity,
     * 0..1) is below {@code minScore} (null: 0) are left out. 400 for an empty or overlong question, 404 for a
     * campaign not in this workspace.
     */
    public List<RetrievedChunk> search(TenantId tenant, String question, UUID campaignId, Integer k, Double minScore) {
        return search(tenant, question, campaignId, k, minScore, Mode.BOTH);
    }

    public List<RetrievedChunk> search(
            TenantId tenant, String question, UUID campaignId, Integer k, Double minScore, Mode mode) {
        if (question == null || question.isBlank()) {
            throw ApiException.invalidField("q", "is required: ask a question");
        }
        if (question.length() > 1000) {
            throw ApiException.invalidField("q", "is longer than 1,000 characters");
        }
        int want = k == null ? DEFAULT_K : k;
        if (want < 1 || want > MAX_K) {
            throw ApiException.invalidField("k", "must be between 1 and " + MAX_K);
        }
        double floor = minScore == null ? 0 : minScore;
        if (floor < 0 || floor > 1) {
            throw ApiException.invalidField("minScore", "must be between 0 and 1");
        }
        SearchScope scope = SearchScope.WHOLE_WORKSPACE;
        if (campaignId != null) {
            campaigns.get(tenant, campaignId);
            scope = scopes.of(tenant, campaignId);
        }
        int pool = Math.max(50, want * 5);
        SearchScope inScope = scope;
        // the two legs are independent: the full-text statement runs on another thread while this one embeds the
        // question and reads the index (a full pool runs it here instead)
        Future<List<UUID>> textLeg = mode == Mode.SEMANTIC
                ? CompletableFuture.completedFuture(List.of())
                : textLegs.submit(() -> chunks.fullText(tenant, question, inScope, pool));
        float[] query = embeddings.embed(question.strip());
        List<UUID> semantic = mode == Mode.TEXT
                ? List.of()
                : index.nearest(tenant, query, scope, pool).stream()
                        .map(VectorIndex.Hit::chunkId)
                        .toList();
        List<UUID> text = join(textLeg);

        Map<UUID, Double> fused = new LinkedHashMap<>();
        Map<UUID, Integer> semanticRank = new HashMap<>();
        Map<UUID, Integer> textRank = new HashMap<>();
        for (int i = 0; i < semantic.size(); i++) {
            fused.merge(semantic.get(i), 1.0 / (RRF_K + i + 1), Double::sum);
            semanticRank.put(semantic.get(i), i + 1);
        }
        for (int i = 0; i < text.size(); i++) {
            fused.merge(text.get(i), 1.0 / (RRF_K + i + 1), Double::sum);
            textRank.put(text.get(i), i + 1);
        }
        List<UUID> candidates = fused.entrySet().stream()
                .sorted(Map.Entry.<UUID, Double>comparingByValue().reversed())
                .limit(Math.max(want * 3L, 20))
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(ArrayList::new));
        Map<UUID, float[]> vectors = index.vectors(tenant, candidates);
        Map<UUID, Double> similarity = new HashMap<>();
        for (UUID id : candidates) {
            float[] v = vectors.get(id);
            similarity.put(id, v == null ? 0 : Math.max(0, Math.min(1, dot(v, query))));
        }
        candidates.removeIf(id -> similarity.get(id) < floor);
        List<UUID> picked = mmr(candidates, fused, vectors, want);
        Map<UUID, ChunkStore.Passage> passages = chunks.passages(tenant, picked);
        List<RetrievedChunk> out = new ArrayList<>();
        for (UUID id : picked) {
            ChunkStore.Passage p = passages.get(id);
            if (p != null) {
                out.add(new RetrievedChunk(
                        id,
                        p.sourceId(),
                        p.sourceName(),
                        p.page(),
                        p.heading(),
                        round(similarity.get(id)),
                        fused.get(id),
                        semanticRank.get(id),
                        textRank.get(id),
                        p.text()));
            }
        }
        return out;
    }

    private static List<UUID> join(Future<List<UUID>> leg) {
        try {
            return leg.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the full-text leg", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @PreDestroy
    void stop() {
        textLegs.shutdownNow();
    }

    /** The passages as a model reads them, each prefixed {@code [Source: name p.N | Relevance: 0.85]}. */
    public String contextFor(TenantId tenant, String question, UUID campaignId, int k, double minScore) {
        return search(tenant, question, campaignId, k, minScore).stream()
                .map(RetrievedChunk::forModel)
                .collect(Collectors.joining("\n\n"));
    }

    /** Maximal marginal relevance over the fused ranking: relevant, but not the same passage twice. */
    static List<UUID> mmr(List<UUID> candidates, Map<UUID, Double> fused, Map<UUID, float[]> vectors, int k) {
        List<UUID> picked = new ArrayList<>();
        if (candidates.isEmpty()) {
            return picked;
        }
        double top = candidates.stream().mapToDouble(fused::get).max().orElse(1);
        List<UUID> left = new ArrayList<>(candidates);
        while (picked.size() < k && !left.isEmpty()) {
            UUID best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (UUID id : left) {
                double relevance = fused.get(id) / top;
                double redundancy = 0;
                float[] v = vectors.get(id);
                if (v != null) {
                    for (UUID p : picked) {
                        float[] w = vectors.get(p);
                        if (w != null) {
                            redundancy = Math.max(redundancy, dot(v, w));
                        }
                    }
                }
                double score = MMR_LAMBDA * relevance - (1 - MMR_LAMBDA) * redundancy;
                if (score > bestScore) {
                    bestScore = score;
                    best = id;
                }
            }
            picked.add(best);
            left.remove(best);
        }
        return picked;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
