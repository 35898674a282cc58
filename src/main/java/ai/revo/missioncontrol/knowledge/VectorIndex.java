package ai.revo.missioncontrol.knowledge;

import ai.revo.missioncontrol.identity.TenantId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Nearest chunks to a vector within a workspace, limited to a scope (a campaign's own, attached and workspace-wide
 * sources). The
 * one seam to move retrieval to pgvector's HNSW index or OpenSearch: an implementation answers these two questions
 * and nothing else changes.
 */
interface VectorIndex {

    /** A chunk and its cosine similarity to the query. */
    record Hit(UUID chunkId, float similarity) {}

    /** The {@code k} most similar chunks in scope, best first. */
    List<Hit> nearest(TenantId tenant, float[] query, SearchScope scope, int k);

    /** The vectors of the given chunks (for diversity re-ranking); chunks unknown to the index are left out. */
    Map<UUID, float[]> vectors(TenantId tenant, List<UUID> chunkIds);
}
