package ai.revo.missioncontrol.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.revo.missioncontrol.ai.Embeddings;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A change of embedding model: rows recorded as produced by another model (with vectors of another dimension, as a
 * remote model's would be) are left out of the semantic leg and of product search without breaking either, and the
 * start-up check queues their re-embedding, after which the passages and the product are found by meaning again.
 */
class ReembeddingTest extends IntegrationTest {

    @Autowired
    Reembedding reembedding;

    @Autowired
    KnowledgeSearch search;

    @Autowired
    Embeddings embeddings;

    private String upload(String token, String name, String text) {
        String id = KnowledgeDocuments.upload(api(), port, token, name, text.getBytes(StandardCharsets.UTF_8), null)
                .expect(202)
                .json()
                .path("id")
                .asText();
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            String status = api().get("/api/v1/knowledge/sources/" + id, token)
                    .expect(200)
                    .json()
                    .path("status")
                    .asText();
            assertThat(status).isNotEqualTo("FAILED");
            return status.equals("READY");
        });
        return id;
    }

    private List<String> semantic(TenantId tenant, String q) {
        return search.search(tenant, q, null, 5, 0.0, KnowledgeSearch.Mode.SEMANTIC).stream()
                .map(RetrievedChunk::text)
                .toList();
    }

    private List<String> products(String token, String q) {
        List<String> names = new ArrayList<>();
        api().get("/api/v1/products/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), token)
                .expect(200)
                .json()
                .path("data")
                .forEach(m -> names.add(m.path("product").path("name").asText()));
        return names;
    }

    @Test
    void vectorsOfAnotherModelAreLeftOutThenReembeddedInTheBackground() {
        Api.Session admin = api().signup();
        String t = admin.accessToken();
        TenantId tenant = TenantId.of(admin.tenantId());
        UUID tenantId = UUID.fromString(admin.tenantId());
        String stale = upload(
                t,
                "bees.md",
                "# Beekeeping\n\nA honey bee colony swarms in late spring when the hive becomes crowded. "
                        + "The old queen leaves with about half of the workers to find a new home.");
        upload(
                t,
                "tides.md",
                "# Tides\n\nTides are caused mainly by the gravitational pull of the moon on the oceans. "
                        + "Spring tides happen when the sun and the moon are in line.");
        api().post(
                        "/api/v1/products",
                        t,
                        Map.of(
                                "name",
                                "Beeswax candle",
                                "description",
                                "Hand-poured candle of pure beeswax, burns for forty hours",
                                "price",
                                Map.of("amount", new BigDecimal("12.00"), "currency", "EUR")))
                .expect(201);
        assertThat(semantic(tenant, "why do bees swarm?")).anyMatch(s -> s.contains("swarms in late spring"));
        assertThat(products(t, "a candle made of wax")).contains("Beeswax candle");

        // as after a change of model: the bee passages and the product carry another model's 8-dimension vectors
        JdbcClient db = JdbcClient.create(new DriverManagerDataSource(
                database().url(), database().username(), database().password()));
        byte[] other = ChunkStore.bytes(new float[] {0.5f, 0.5f, 0.5f, 0.5f, 0, 0, 0, 0});
        long seqBefore = db.sql("select max(seq) from knowledge_chunks where tenant_id = ? and source_id = ?")
                .params(tenantId, UUID.fromString(stale))
                .query(Long.class)
                .single();
        assertThat(db.sql("update knowledge_chunks set embedding = ?, embedding_model = 'old-model' "
                                + "where tenant_id = ? and source_id = ?")
                        .params(other, tenantId, UUID.fromString(stale))
                        .update())
                .isGreaterThan(0);
        db.sql("update knowledge_sources set embedding_model = 'old-model' where tenant_id = ? and id = ?")
                .params(tenantId, UUID.fromString(stale))
                .update();
        db.sql("update products set embedding = ?, embedding_model = 'old-model' where tenant_id = ?")
                .params(other, tenantId)
                .update();
        // and this node reloads the workspace, as a node that starts does
        db.sql("update knowledge_index_state set removals = removals + 1 where tenant_id = ?")
                .param(tenantId)
                .update();

        // mixed dimensions in the workspace: nothing breaks, the other model's vectors are simply not compared
        assertThat(semantic(tenant, "why do bees swarm?")).noneMatch(s -> s.contains("swarms in late spring"));
        assertThat(semantic(tenant, "what causes the tides?")).anyMatch(s -> s.contains("pull of the moon"));
        assertThat(api().get("/api/v1/knowledge/search?q=bees+swarm", t)
                        .expect(200)
                        .body())
                .contains("swarms in late spring"); // the full-text leg still reads the passage
        assertThat(products(t, "a candle made of wax")).doesNotContain("Beeswax candle");

        assertThat(reembedding.queueStale()).isGreaterThanOrEqualTo(1);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> db.sql("select count(*) from knowledge_chunks where tenant_id = ? "
                                        + "and embedding_model <> ?")
                                .params(tenantId, embeddings.modelName())
                                .query(Long.class)
                                .single()
                        == 0);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> db.sql("select count(*) from products where tenant_id = ? and embedding_model <> ?")
                                .params(tenantId, embeddings.modelName())
                                .query(Long.class)
                                .single()
                        == 0);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> embeddings
                        .modelName()
                        .equals(db.sql("select embedding_model from knowledge_sources where tenant_id = ? and id = ?")
                                .params(tenantId, UUID.fromString(stale))
                                .query(String.class)
                                .single()));
        assertThat(db.sql("select min(seq) from knowledge_chunks where tenant_id = ? and source_id = ?")
                        .params(tenantId, UUID.fromString(stale))
                        .query(Long.class)
                        .single())
                .as("re-embedded passages take new sequence numbers, so every node's index appends them")
                .isGreaterThan(seqBefore);
        // this node's index appended them without a reload
        assertThat(semantic(tenant, "why do bees swarm?")).anyMatch(s -> s.contains("swarms in late spring"));
        assertThat(products(t, "a candle made of wax")).contains("Beeswax candle");
        JsonNode nothingLeft =
                api().get("/api/v1/knowledge/sources/" + stale, t).expect(200).json();
        assertThat(nothingLeft.path("status").asText()).isEqualTo("READY");
    }
}
