package ai.revo.missioncontrol.knowledge;

import ai.revo.missioncontrol.ai.Embeddings;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.RetryBackoff;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A change of embedding model (the local one, or {@code MC_EMBEDDING_BASE_URL} with its model) re-embeds, in the
 * background, every passage and product whose vector another model produced. At start-up each node asks which
 * workspaces hold such vectors and queues one durable db-scheduler task per workspace and model (the same instance
 * from every node, so it runs once). The task embeds the passages in batches outside any transaction and stores each
 * batch in one short one; a stored passage takes a new sequence number, so every node's in-memory index appends it.
 * Until then the semantic leg leaves the old vectors out (the full-text leg still finds them). A failed attempt (the
 * embeddings endpoint down) is retried by db-scheduler; what was stored stays stored.
 */
@Configuration(proxyBeanMethods = false)
class Reembedding {

    private static final Logger log = LoggerFactory.getLogger(Reembedding.class);
    static final String TASK = "knowledge-reembed";
    static final int BATCH = 32;

    private final JdbcClient jdbc;
    private final Embeddings embeddings;
    private final ChunkStore chunks;
    private final SourceSteps sources;
    private final ProductCatalogue products;
    private final ObjectProvider<SchedulerClient> scheduler;

    Reembedding(
            JdbcClient jdbc,
            Embeddings embeddings,
            ChunkStore chunks,
            SourceSteps sources,
            ProductCatalogue products,
            ObjectProvider<SchedulerClient> scheduler) {
        this.jdbc = jdbc;
        this.embeddings = embeddings;
        this.chunks = chunks;
        this.sources = sources;
        this.products = products;
        this.scheduler = scheduler;
    }

    /** Queues the re-embedding of every workspace holding vectors of another model; the number queued. */
    @EventListener(ApplicationReadyEvent.class)
    int queueStale() {
        String model = embeddings.modelName();
        List<UUID> tenants = jdbc.sql("select knowledge_tenants_to_reembed(?)")
                .param(model)
                .query(UUID.class)
                .list();
        SchedulerClient client = scheduler.getObject();
        for (UUID tenant : tenants) {
            client.scheduleIfNotExists(
                    new TaskInstance<>(TASK, tenant + "#" + model, tenant.toString()), Instant.now());
        }
        if (!tenants.isEmpty()) {
            log.info("Embedding model is {}: re-embedding queued for {} workspaces", model, tenants.size());
            if (client instanceof Scheduler local) {
                local.triggerCheckForDueExecutions();
            }
        }
        return tenants.size();
    }

    /** Re-embeds the workspace's passages and products with the model in use. */
    void run(TenantId tenant) {
        String model = embeddings.modelName();
        int passages = 0;
        for (List<ChunkStore.StaleChunk> batch = chunks.embeddedByAnotherModel(tenant, model, BATCH);
                !batch.isEmpty();
                batch = chunks.embeddedByAnotherModel(tenant, model, BATCH)) {
            List<float[]> vectors = embeddings.embed(batch.stream()
                    .map(c -> IngestionWorker.embeddingText(c.heading(), c.text()))
                    .toList());
            passages += chunks.reembedded(
                    tenant,
                    model,
                    batch.stream().map(ChunkStore.StaleChunk::chunkId).toList(),
                    vectors);
        }
        int looked = 0;
        for (int n = products.reembed(tenant, BATCH); n > 0; n = products.reembed(tenant, BATCH)) {
            looked += n;
        }
        int ready = sources.reembedded(tenant, model);
        log.info(
                "Workspace {} re-embedded with {}: {} passages ({} sources), {} products",
                tenant,
                model,
                passages,
                ready,
                looked);
    }

    @Bean
    static OneTimeTask<String> knowledgeReembedTask(ObjectProvider<Reembedding> reembedding) {
        return Tasks.oneTime(TASK, String.class)
                .onFailure(RetryBackoff.standard())
                .execute((instance, context) -> reembedding.getObject().run(TenantId.of(instance.getData())));
    }
}
