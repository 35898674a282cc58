package ai.revo.missioncontrol.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.ai.Embeddings;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The node's index over a workspace of 20,000 passages in PostgreSQL (past the exact threshold, so partitioned):
 * recall against the exact answer, scopes that still fill k (a campaign's own passages, attached sources, the
 * workspace-wide ones), a vector of another model left out, a passage written after the load found at once, and a
 * removed source gone from every answer.
 */
class InMemoryVectorIndexTest extends IntegrationTest {

    @Autowired
    InMemoryVectorIndex index;

    @Autowired
    ChunkStore chunks;

    @Autowired
    Embeddings embeddings;

    record Stored(UUID id, UUID campaign, UUID source, float[] vector) {}

    private UUID source(Connection db, UUID tenant, String name) throws Exception {
        UUID id = UUID.randomUUID();
        try (PreparedStatement s = db.prepareStatement(
                "insert into knowledge_sources (id, tenant_id, kind, name, file_type, size_bytes, status, "
                        + "chunk_count, embedding_model, created_by_type) "
                        + "values (?, ?, 'FILE', ?, 'MARKDOWN', 0, 'READY', 0, ?, 'SYSTEM')")) {
            s.setObject(1, id);
            s.setObject(2, tenant);
            s.setString(3, name);
            s.setString(4, embeddings.modelName());
            s.executeUpdate();
        }
        return id;
    }

    private static List<UUID> exact(List<Stored> all, float[] q, SearchScope scope, int k) {
        return all.stream()
                .filter(s -> scope.admits(s.campaign(), s.source()))
                .sorted(Comparator.comparingDouble((Stored s) -> -IvfIndex.dot(s.vector(), 0, q, 0, q.length)))
                .limit(k)
                .map(Stored::id)
                .toList();
    }

    private List<UUID> nearest(TenantId tenant, float[] q, SearchScope scope, int k) {
        return index.nearest(tenant, q, scope, k).stream()
                .map(VectorIndex.Hit::chunkId)
                .toList();
    }

    @Test
    void approximateIndexKeepsScopesAppendsAndRemovalsAt20000Passages() throws Exception {
        Api.Session admin = api().signup();
        TenantId tenant = TenantId.of(admin.tenantId());
        UUID tenantId = UUID.fromString(admin.tenantId());
        int dims = embeddings.dimensions();
        String model = embeddings.modelName();
        Random random = new Random(14);
        float[][] topics = new float[300][];
        for (int i = 0; i < topics.length; i++) {
            topics[i] = VectorIndexRecallTest.unit(random, dims);
        }
        UUID campaign = UUID.randomUUID();
        UUID otherCampaign = UUID.randomUUID();
        List<Stored> all = new ArrayList<>();
        UUID wide;
        UUID own;
        UUID attached;
        float[] otherModelVector = VectorIndexRecallTest.near(random, topics[0], 1.2, dims);
        try (Connection db = DriverManager.getConnection(
                database().url(), database().username(), database().password())) {
            wide = source(db, tenantId, "wide.md");
            own = source(db, tenantId, "own.md");
            attached = source(db, tenantId, "attached.md");
            db.setAutoCommit(false);
            try (PreparedStatement s = db.prepareStatement(
                    "insert into knowledge_chunks (id, tenant_id, source_id, campaign_id, position, text, content_hash, "
                            + "embedding, embedding_model) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < 20_000; i++) {
                    UUID src = i < 40 ? own : i < 70 ? attached : wide;
                    UUID owner = i < 40 ? campaign : i < 70 ? otherCampaign : null;
                    Stored stored = new Stored(
                            UUID.randomUUID(),
                            owner,
                            src,
                            VectorIndexRecallTest.near(random, topics[random.nextInt(topics.length)], 1.2, dims));
                    all.add(stored);
                    s.setObject(1, stored.id());
                    s.setObject(2, tenantId);
                    s.setObject(3, src);
                    s.setObject(4, owner);
                    s.setInt(5, i);
                    s.setString(6, "passage " + i);
                    s.setString(7, "hash-" + i);
                    s.setBytes(8, ChunkStore.bytes(stored.vector()));
                    s.setString(9, model);
                    s.addBatch();
                    if (i % 1000 == 999) {
                        s.executeBatch();
                    }
                }
                // the same passage embedded by another model: left out of every answer
                s.setObject(1, UUID.randomUUID());
                s.setObject(2, tenantId);
                s.setObject(3, wide);
                s.setObject(4, null);
                s.setInt(5, 20_000);
                s.setString(6, "another model's passage");
                s.setString(7, "hash-other-model");
                s.setBytes(8, ChunkStore.bytes(otherModelVector));
                s.setString(9, "another-model");
                s.addBatch();
                s.executeBatch();
            }
            try (PreparedStatement s = db.prepareStatement(
                    "insert into knowledge_index_state (tenant_id, generation, removals) values (?, 1, 0) "
                            + "on conflict (tenant_id) do update set generation = knowledge_index_state.generation + 1")) {
                s.setObject(1, tenantId);
                s.executeUpdate();
            }
            db.commit();
        }

        try {
            // the whole workspace: recall@10 of the partitioned index against the exact answer
            float[][] queries = new float[50][];
            for (int i = 0; i < queries.length; i++) {
                queries[i] = VectorIndexRecallTest.near(random, topics[random.nextInt(topics.length)], 1.2, dims);
            }
            double found = 0;
            for (float[] q : queries) {
                Set<UUID> truth = new HashSet<>(exact(all, q, SearchScope.WHOLE_WORKSPACE, 10));
                List<UUID> got = nearest(tenant, q, SearchScope.WHOLE_WORKSPACE, 10);
                assertThat(got).hasSize(10);
                found += got.stream().filter(truth::contains).count();
            }
            InMemoryVectorIndex.Workspace w = index.current(tenant);
            assertThat(w.size).isEqualTo(20_000);
            assertThat(w.index.lists()).isEqualTo(141);
            assertThat(found / (queries.length * 10)).isGreaterThanOrEqualTo(0.95);
            assertThat(index.nearest(tenant, otherModelVector, SearchScope.WHOLE_WORKSPACE, 1)
                            .get(0)
                            .similarity())
                    .isLessThan(0.99f);

            // a campaign's own passages only (40 of 20,000): every one of them, and the exact nearest 10
            SearchScope ownOnly = new SearchScope(campaign, false, Set.of());
            Set<UUID> ownIds = all.subList(0, 40).stream().map(Stored::id).collect(Collectors.toSet());
            assertThat(nearest(tenant, queries[0], ownOnly, 50))
                    .hasSize(40)
                    .containsExactlyInAnyOrderElementsOf(ownIds);
            assertThat(nearest(tenant, queries[1], ownOnly, 10)).isEqualTo(exact(all, queries[1], ownOnly, 10));
            // with another campaign's attached source
            SearchScope withAttached = new SearchScope(campaign, false, Set.of(attached));
            Set<UUID> ownAndAttached =
                    all.subList(0, 70).stream().map(Stored::id).collect(Collectors.toSet());
            assertThat(nearest(tenant, queries[2], withAttached, 100))
                    .containsExactlyInAnyOrderElementsOf(ownAndAttached);
            // with every workspace-wide source: k filled, all in scope, the nearest found
            SearchScope everyWide = new SearchScope(campaign, true, Set.of());
            List<UUID> wideHits = nearest(tenant, queries[3], everyWide, 10);
            assertThat(wideHits).hasSize(10);
            Set<UUID> truth = new HashSet<>(exact(all, queries[3], everyWide, 10));
            assertThat(wideHits.stream().filter(truth::contains).count()).isGreaterThanOrEqualTo(8);

            // a passage written after the load is appended to its partition and found at once
            float[] fresh = VectorIndexRecallTest.near(random, topics[7], 1.2, dims);
            chunks.insert(
                    tenant,
                    own,
                    campaign,
                    List.of(new Chunk(40, null, null, "a fresh passage")),
                    List.of(fresh),
                    model);
            List<VectorIndex.Hit> freshHits = index.nearest(tenant, fresh, SearchScope.WHOLE_WORKSPACE, 1);
            assertThat(freshHits.get(0).similarity()).isGreaterThan(0.999f);
            UUID freshId = freshHits.get(0).chunkId();
            assertThat(ownIds).doesNotContain(freshId);
            assertThat(nearest(tenant, queries[0], ownOnly, 50)).hasSize(41).contains(freshId);
            assertThat(index.vectors(tenant, List.of(freshId)).get(freshId)).containsExactly(fresh);

            // a removed source is gone from every answer (the workspace is loaded and partitioned again)
            chunks.deleteOfSource(tenant, attached);
            Set<UUID> attachedIds = all.subList(40, 70).stream().map(Stored::id).collect(Collectors.toSet());
            List<UUID> afterRemoval = nearest(tenant, queries[2], withAttached, 100);
            assertThat(afterRemoval).hasSize(41).doesNotContainAnyElementsOf(attachedIds);
            for (Stored s : all.subList(40, 70)) {
                assertThat(nearest(tenant, s.vector(), SearchScope.WHOLE_WORKSPACE, 5))
                        .doesNotContain(s.id());
            }
            assertThat(index.vectors(tenant, new ArrayList<>(attachedIds))).isEmpty();
            assertThat(index.current(tenant).size).isEqualTo(19_971);
            assertThat(index.current(tenant).index.lists()).isEqualTo(141);
        } finally {
            index.evict(tenant);
        }
    }
}
