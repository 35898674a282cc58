package ai.revo.missioncontrol.knowledge;

import ai.revo.missioncontrol.identity.TenantId;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The chunks table and the per-workspace index state, set-based: batches in, vectors out for the in-memory index,
 * the full-text leg, and the passages for the ids a search picked. Every write bumps the workspace's index state
 * first, which also serialises a workspace's chunk writers, so chunk sequence numbers commit in order.
 */
@Service
class ChunkStore {

    /** The index's counters for a workspace; both zero when it never had a chunk. */
    record State(long generation, long removals) {}

    /** One stored vector, for the in-memory index. */
    record StoredVector(long seq, UUID chunkId, UUID sourceId, UUID campaignId, float[] vector) {}

    /** A passage whose vector another model produced, to be embedded again. */
    record StaleChunk(UUID chunkId, String heading, String text) {}

    /** A passage as a search answers it. */
    record Passage(UUID chunkId, UUID sourceId, String sourceName, Integer page, String heading, String text) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    ChunkStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Writes a batch of chunks of a source; a chunk whose text is already in the scope is skipped. */
    @Transactional
    public int insert(
            TenantId tenant, UUID sourceId, UUID campaignId, List<Chunk> chunks, List<float[]> vectors, String model) {
        bump(tenant, 0);
        Timestamp now = Timestamp.from(clock.instant());
        int stored = 0;
        for (int i = 0; i < chunks.size(); i++) {
            Chunk c = chunks.get(i);
            stored += jdbc.sql("insert into knowledge_chunks (id, tenant_id, source_id, campaign_id, position, page, "
                            + "heading, text, content_hash, embedding, embedding_model, created_at, updated_at) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                    .params(
                            UUID.randomUUID(),
                            tenant.value(),
                            sourceId,
                            campaignId,
                            c.position(),
                            c.page(),
                            c.heading(),
                            c.text(),
                            c.contentHash(),
                            bytes(vectors.get(i)),
                            model,
                            now,
                            now)
                    .update();
        }
        return stored;
    }

    /** Removes every chunk of a source; the number removed. */
    @Transactional
    public int deleteOfSource(TenantId tenant, UUID sourceId) {
        bump(tenant, 1);
        return jdbc.sql("delete from knowledge_chunks where tenant_id = ? and source_id = ?")
                .params(tenant.value(), sourceId)
                .update();
    }

    @Transactional(readOnly = true)
    public State state(TenantId tenant) {
        return jdbc.sql("select generation, removals from knowledge_index_state where tenant_id = ?")
                .params(tenant.value())
                .query((rs, n) -> new State(rs.getLong(1), rs.getLong(2)))
                .optional()
                .orElse(new State(0, 0));
    }

    /**
     * The vectors of {@code model} written after {@code afterSeq}, in order, handed to {@code sink} one by one.
     * Vectors of another model are not comparable with a question embedded by this one (their dimensions may differ
     * too), so they are left out until re-embedding writes them again.
     */
    @Transactional(readOnly = true)
    public void vectorsAfter(TenantId tenant, long afterSeq, String model, Consumer<StoredVector> sink) {
        jdbc.sql("select seq, id, source_id, campaign_id, embedding from knowledge_chunks where tenant_id = ? "
                        + "and seq > ? "
                        + "and embedding_model = ? order by seq")
                .params(tenant.value(), afterSeq, model)
                .query(rs -> {
                    sink.accept(new StoredVector(
                            rs.getLong(1),
                            rs.getObject(2, UUID.class),
                            rs.getObject(3, UUID.class),
                            rs.getObject(4, UUID.class),
                            floats(rs.getBytes(5))));
                });
    }

    /** At most this many matching passages are ranked per tier of the full-text leg (ranking reads each one's tsv). */
    static final int TEXT_CANDIDATES = 400;

    private static final String IN_SCOPE = "(cast(? as uuid) is null or c.campaign_id = cast(? as uuid) "
            + "or (c.campaign_id is null and ?) or c.source_id = any(?))";

    /**
     * The full-text leg: chunk ids matching the question ({@code websearch_to_tsquery}, English), best first by
     * {@code ts_rank_cd}, in two tiers. First the passages holding every term of the question; then, when those are
     * fewer than {@code limit}, the passages holding any of them (a question is not a search expression: requiring
     * every word finds almost nothing in a small workspace; the quality set measured recall@5 0.21 that way, 0.82
     * with the second tier). Quoted phrases stay phrases, and a query with a negation has no second tier. Ranking
     * reads each matching passage, so each tier ranks at most {@link #TEXT_CANDIDATES} matches (in a large
     * workspace, any terms of a question match most passages; the semantic leg covers what the cap leaves out).
     * With a campaign, the passages of its scope ({@link SearchScope}); without: all.
     */
    @Transactional(readOnly = true)
    public List<UUID> fullText(TenantId tenant, String question, SearchScope scope, int limit) {
        UUID campaign = scope.campaignId();
        UUID[] attached = scope.attached().toArray(new UUID[0]);
        boolean every = scope.everyWorkspaceSource();
        return jdbc.sql("with x as (select w.a, case when position('!' in cast(w.a as text)) > 0 then null "
                        + "else cast(replace(cast(w.a as text), ' & ', ' | ') as tsquery) end as o "
                        + "from (select websearch_to_tsquery('english', ?) as a) w), "
                        + "strict as materialized (select c.id, c.seq, c.tsv from knowledge_chunks c, x "
                        + "where c.tenant_id = ? and c.tsv @@ x.a and " + IN_SCOPE + " limit ?), "
                        + "loose as (select c.id, c.seq, c.tsv from knowledge_chunks c, x "
                        + "where (select count(*) from strict) < ? and x.o is not null and c.tenant_id = ? "
                        + "and c.tsv @@ x.o and not (c.tsv @@ x.a) and " + IN_SCOPE + " limit ?) "
                        + "select id from (select s.id, 0 as tier, ts_rank_cd(s.tsv, x.a) as r, s.seq from strict s, x "
                        + "union all select l.id, 1, ts_rank_cd(l.tsv, x.o), l.seq from loose l, x) ranked "
                        + "order by tier, r desc, seq limit ?")
                .params(
                        question,
                        tenant.value(),
                        campaign,
                        campaign,
                        every,
                        attached,
                        TEXT_CANDIDATES,
                        limit,
                        tenant.value(),
                        campaign,
                        campaign,
                        every,
                        attached,
                        TEXT_CANDIDATES,
                        limit)
                .query(UUID.class)
                .list();
    }

    /** The passages of the given chunk ids that still exist, with their source's name. */
    @Transactional(readOnly = true)
    public Map<UUID, Passage> passages(TenantId tenant, Collection<UUID> ids) {
        Map<UUID, Passage> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("select c.id, c.source_id, s.name, c.page, c.heading, c.text from knowledge_chunks c "
                        + "join knowledge_sources s on s.tenant_id = c.tenant_id and s.id = c.source_id "
                        + "where c.tenant_id = ? and c.id = any(?)")
                .params(tenant.value(), ids.toArray(new UUID[0]))
                .query((rs, n) -> new Passage(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        (Integer) rs.getObject(4),
                        rs.getString(5),
                        rs.getString(6)))
                .list()
                .forEach(p -> out.put(p.chunkId(), p));
        return out;
    }

    /** How many passages of the workspace have a vector of {@code model}. */
    @Transactional(readOnly = true)
    public int countOf(TenantId tenant, String model) {
        return jdbc.sql("select count(*) from knowledge_chunks where tenant_id = ? and embedding_model = ?")
                .params(tenant.value(), model)
                .query(Integer.class)
                .single();
    }

    /** Up to {@code limit} passages whose vector was produced by another model than {@code model}. */
    @Transactional(readOnly = true)
    public List<StaleChunk> embeddedByAnotherModel(TenantId tenant, String model, int limit) {
        return jdbc.sql("select id, heading, text from knowledge_chunks where tenant_id = ? and embedding_model <> ? "
                        + "order by seq limit ?")
                .params(tenant.value(), model, limit)
                .query((rs, n) -> new StaleChunk(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                .list();
    }

    /**
     * Stores the vectors {@code model} produced for these passages (those deleted or re-embedded meanwhile are left
     * alone); the number stored. Each passage takes a new sequence number, so every node's index appends it as it
     * appends a new chunk.
     */
    @Transactional
    public int reembedded(TenantId tenant, String model, List<UUID> chunkIds, List<float[]> vectors) {
        bump(tenant, 0);
        int stored = 0;
        for (int i = 0; i < chunkIds.size(); i++) {
            stored += jdbc.sql("update knowledge_chunks set embedding = ?, embedding_model = ?, "
                            + "seq = nextval(pg_get_serial_sequence('knowledge_chunks', 'seq')), updated_at = now() "
                            + "where tenant_id = ? and id = ? and embedding_model <> ?")
                    .params(bytes(vectors.get(i)), model, tenant.value(), chunkIds.get(i), model)
                    .update();
        }
        return stored;
    }

    @Transactional(readOnly = true)
    public List<ChunkView> ofSource(TenantId tenant, UUID sourceId, int limit, long offset) {
        return jdbc.sql("select id, source_id, position, page, heading, text from knowledge_chunks "
                        + "where tenant_id = ? and source_id = ? order by position limit ? offset ?")
                .params(tenant.value(), sourceId, limit, offset)
                .query((rs, n) -> new ChunkView(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getInt(3),
                        (Integer) rs.getObject(4),
                        rs.getString(5),
                        rs.getString(6)))
                .list();
    }

    @Transactional(readOnly = true)
    public long countOfSource(TenantId tenant, UUID sourceId) {
        return jdbc.sql("select count(*) from knowledge_chunks where tenant_id = ? and source_id = ?")
                .params(tenant.value(), sourceId)
                .query(Long.class)
                .single();
    }

    private void bump(TenantId tenant, int removals) {
        jdbc.sql("insert into knowledge_index_state (tenant_id, generation, removals) values (?, 1, ?) "
                        + "on conflict (tenant_id) do update set generation = knowledge_index_state.generation + 1, "
                        + "removals = knowledge_index_state.removals + excluded.removals, updated_at = now()")
                .params(tenant.value(), removals)
                .update();
    }

    static byte[] bytes(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        return b.array();
    }

    static float[] floats(byte[] bytes) {
        float[] v = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }
}
