package ai.revo.missioncontrol.knowledge;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The short transactions of a source's life: added with its bytes and queued, each step of its ingestion, re-queued,
 * removed. Slow work (fetching, parsing, embedding) happens between these calls, never inside them.
 */
@Service
class SourceSteps {

    private final KnowledgeSourceRepository sources;
    private final ChunkStore chunks;
    private final IngestionQueue queue;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SourceSteps(
            KnowledgeSourceRepository sources,
            ChunkStore chunks,
            IngestionQueue queue,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            Clock clock) {
        this.sources = sources;
        this.chunks = chunks;
        this.queue = queue;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public SourceView add(
            TenantId tenant,
            UUID campaignId,
            SourceKind kind,
            String name,
            String url,
            FileType type,
            String mediaType,
            byte[] content,
            Actor actor) {
        KnowledgeSource source = sources.save(
                KnowledgeSource.add(tenant, campaignId, kind, name, url, type, content.length, actor, clock.instant()));
        jdbc.sql(
                        "insert into knowledge_source_contents (source_id, tenant_id, media_type, content) values (?, ?, ?, ?)")
                .params(source.id(), tenant.value(), mediaType, content)
                .update();
        queue.enqueue(tenant, source.id(), source.attempt());
        return source.view();
    }

    @Transactional(readOnly = true)
    public SourceView get(TenantId tenant, UUID id) {
        return load(tenant, id).view();
    }

    @Transactional
    public SourceView requeue(TenantId tenant, UUID id, Actor actor) {
        KnowledgeSource source = load(tenant, id);
        source.requeue(actor, clock.instant());
        source = sources.save(source);
        queue.enqueue(tenant, id, source.attempt());
        return source.view();
    }

    @Transactional
    public void delete(TenantId tenant, UUID id, Actor actor) {
        KnowledgeSource source = load(tenant, id);
        chunks.deleteOfSource(tenant, id);
        jdbc.sql("delete from knowledge_sources where tenant_id = ? and id = ?")
                .params(tenant.value(), id)
                .update();
        events.publishEvent(source.deleted(actor));
    }

    /** Starts an attempt: the source becomes PARSING and its content is read; empty when nothing is to be done. */
    @Transactional
    public Optional<SourceContent> begin(TenantId tenant, UUID id, int attempt) {
        Optional<KnowledgeSource> found = sources.findByTenantIdAndId(tenant, id);
        if (found.isEmpty() || found.get().attempt() != attempt || !found.get().start(clock.instant())) {
            return Optional.empty();
        }
        KnowledgeSource source = sources.save(found.get());
        return jdbc.sql(
                        "select media_type, content from knowledge_source_contents where tenant_id = ? and source_id = ?")
                .params(tenant.value(), id)
                .query((rs, n) -> new SourceContent(
                        id,
                        source.campaignId(),
                        source.kind(),
                        source.url(),
                        source.fileType(),
                        source.attempt(),
                        rs.getString(1),
                        rs.getBytes(2)))
                .optional();
    }

    /** A web page fetched afresh for a re-ingest replaces the bytes the source is read from. */
    @Transactional
    public boolean refetched(TenantId tenant, UUID id, FileType type, String mediaType, byte[] content) {
        Optional<KnowledgeSource> found = sources.findByTenantIdAndId(tenant, id);
        if (found.isEmpty()) {
            return false;
        }
        found.get().refetched(type, content.length, clock.instant());
        sources.save(found.get());
        jdbc.sql("update knowledge_source_contents set media_type = ?, content = ?, updated_at = now() "
                        + "where tenant_id = ? and source_id = ?")
                .params(mediaType, content, tenant.value(), id)
                .update();
        return true;
    }

    /** Read and cut: the old passages go, the new ones are embedded next. False when the source is gone. */
    @Transactional
    public boolean parsed(TenantId tenant, UUID id, int total, Integer pages) {
        Optional<KnowledgeSource> found = sources.findByTenantIdAndId(tenant, id);
        if (found.isEmpty() || found.get().status() != SourceStatus.PARSING) {
            return false;
        }
        chunks.deleteOfSource(tenant, id);
        found.get().parsed(total, pages, clock.instant());
        sources.save(found.get());
        return true;
    }

    /** One embedded batch stored; false when the source is gone or no longer being embedded. */
    @Transactional
    public boolean stored(
            TenantId tenant,
            UUID id,
            List<Chunk> batch,
            List<float[]> vectors,
            String model,
            int done,
            int[] storedAndSkipped) {
        Optional<KnowledgeSource> found = sources.findByTenantIdAndId(tenant, id);
        if (found.isEmpty() || found.get().status() != SourceStatus.EMBEDDING) {
            return false;
        }
        KnowledgeSource source = found.get();
        int stored = chunks.insert(tenant, id, source.campaignId(), batch, vectors, model);
        storedAndSkipped[0] += stored;
        storedAndSkipped[1] += batch.size() - stored;
        source.progressed(done, storedAndSkipped[0], storedAndSkipped[1], clock.instant());
        sources.save(source);
        return true;
    }

    @Transactional
    public void ready(TenantId tenant, UUID id, String model) {
        sources.findByTenantIdAndId(tenant, id)
                .filter(s -> s.status() == SourceStatus.EMBEDDING)
                .ifPresent(s -> {
                    s.ready(model, clock.instant());
                    sources.save(s);
                });
    }

    /** Ready sources none of whose passages has a vector of another model now name {@code model} as theirs. */
    @Transactional
    public int reembedded(TenantId tenant, String model) {
        return jdbc.sql("update knowledge_sources s set embedding_model = ?, updated_at = now() "
                        + "where s.tenant_id = ? and s.status = 'READY' and s.embedding_model is distinct from ? "
                        + "and not exists (select 1 from knowledge_chunks c where c.tenant_id = s.tenant_id "
                        + "and c.source_id = s.id and c.embedding_model <> ?)")
                .params(model, tenant.value(), model, model)
                .update();
    }

    @Transactional
    public void fail(TenantId tenant, UUID id, String reason) {
        sources.findByTenantIdAndId(tenant, id)
                .filter(s -> !s.status().finished())
                .ifPresent(s -> {
                    chunks.deleteOfSource(tenant, id);
                    s.fail(reason, clock.instant());
                    sources.save(s);
                });
    }

    private KnowledgeSource load(TenantId tenant, UUID id) {
        return sources.findByTenantIdAndId(tenant, id).orElseThrow(() -> ApiException.notFound("Knowledge source", id));
    }
}
