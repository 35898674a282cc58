package ai.revo.missioncontrol.knowledge;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A source of knowledge and its ingestion: QUEUED, then PARSING and EMBEDDING on whichever node picks the work up,
 * ending READY or FAILED with a reason. A node that died mid-way leaves it PARSING or EMBEDDING; the next attempt
 * starts it over.
 */
@Table("knowledge_sources")
class KnowledgeSource extends AbstractAggregateRoot<KnowledgeSource> {

    static final int MAX_ERROR = 500;

    @Id
    private final UUID id;

    private final TenantId tenantId;
    private final UUID campaignId;
    private final SourceKind kind;
    private final String name;
    private final String url;
    private FileType fileType;
    private long sizeBytes;
    private SourceStatus status;
    private int chunksTotal;
    private int chunksDone;
    private int chunkCount;
    private int duplicatesSkipped;
    private Integer pages;
    private String error;
    private int attempt;
    private String embeddingModel;
    private final String createdByType;
    private final String createdById;
    private final String createdByName;
    private Instant ingestedAt;

    @Version
    private Long version;

    private final Instant createdAt;
    private Instant updatedAt;

    @PersistenceCreator
    KnowledgeSource(
            UUID id,
            TenantId tenantId,
            UUID campaignId,
            SourceKind kind,
            String name,
            String url,
            FileType fileType,
            long sizeBytes,
            SourceStatus status,
            int chunksTotal,
            int chunksDone,
            int chunkCount,
            int duplicatesSkipped,
            Integer pages,
            String error,
            int attempt,
            String embeddingModel,
            String createdByType,
            String createdById,
            String createdByName,
            Instant ingestedAt,
            Long version,
            Instant createdAt,
            Instant updatedAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.campaignId = campaignId;
        this.kind = kind;
        this.name = name;
        this.url = url;
        this.fileType = fileType;
        this.sizeBytes = sizeBytes;
        this.status = status;
        this.chunksTotal = chunksTotal;
        this.chunksDone = chunksDone;
        this.chunkCount = chunkCount;
        this.duplicatesSkipped = duplicatesSkipped;
        this.pages = pages;
        this.error = error;
        this.attempt = attempt;
        this.embeddingModel = embeddingModel;
        this.createdByType = createdByType;
        this.createdById = createdById;
        this.createdByName = createdByName;
        this.ingestedAt = ingestedAt;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    static KnowledgeSource add(
            TenantId tenant,
            UUID campaignId,
            SourceKind kind,
            String name,
            String url,
            FileType fileType,
            long sizeBytes,
            Actor actor,
            Instant now) {
        KnowledgeSource source = new KnowledgeSource(
                UUID.randomUUID(),
                tenant,
                campaignId,
                kind,
                name,
                url,
                fileType,
                sizeBytes,
                SourceStatus.QUEUED,
                0,
                0,
                0,
                0,
                null,
                null,
                1,
                null,
                actor.type().name(),
                actor.id(),
                actor.name(),
                null,
                null,
                now,
                now);
        source.registerEvent(new KnowledgeSourceAdded(
                tenant.value(), source.id, campaignId, name, kind, fileType.name(), sizeBytes, actor));
        return source;
    }

    /** Ingestion begins (again); false when there is nothing to do (already READY or FAILED). */
    boolean start(Instant now) {
        if (status.finished()) {
            return false;
        }
        status = SourceStatus.PARSING;
        chunksTotal = 0;
        chunksDone = 0;
        chunkCount = 0;
        duplicatesSkipped = 0;
        error = null;
        updatedAt = now;
        registerEvent(
                new KnowledgeSourceStarted(tenantId.value(), id, campaignId, name, kind, attempt, Actor.system()));
        return true;
    }

    /** A web page fetched afresh replaces what the source was read from. */
    void refetched(FileType type, long size, Instant now) {
        this.fileType = type;
        this.sizeBytes = size;
        this.updatedAt = now;
    }

    void parsed(int total, Integer pageCount, Instant now) {
        requireStatus(SourceStatus.PARSING);
        status = SourceStatus.EMBEDDING;
        chunksTotal = total;
        pages = pageCount;
        updatedAt = now;
        registerEvent(new KnowledgeSourceParsed(
                tenantId.value(), id, campaignId, name, kind, total, pageCount, Actor.system()));
    }

    void progressed(int done, int stored, int skipped, Instant now) {
        requireStatus(SourceStatus.EMBEDDING);
        chunksDone = done;
        chunkCount = stored;
        duplicatesSkipped = skipped;
        updatedAt = now;
    }

    void ready(String model, Instant now) {
        requireStatus(SourceStatus.EMBEDDING);
        status = SourceStatus.READY;
        chunksDone = chunksTotal;
        embeddingModel = model;
        ingestedAt = now;
        updatedAt = now;
        registerEvent(new KnowledgeSourceIngested(
                tenantId.value(), id, campaignId, name, kind, chunkCount, duplicatesSkipped, Actor.system()));
    }

    void fail(String reason, Instant now) {
        status = SourceStatus.FAILED;
        error = reason.length() > MAX_ERROR ? reason.substring(0, MAX_ERROR) : reason;
        chunkCount = 0;
        updatedAt = now;
        registerEvent(new KnowledgeSourceFailed(tenantId.value(), id, campaignId, name, kind, error, Actor.system()));
    }

    /** Queues the source to be read again; 409 while it is being read. */
    void requeue(Actor actor, Instant now) {
        if (!status.finished()) {
            throw ApiException.conflict(
                    "The source is being ingested (" + status + "); wait until it is READY or FAILED");
        }
        status = SourceStatus.QUEUED;
        attempt++;
        error = null;
        chunksDone = 0;
        chunksTotal = 0;
        updatedAt = now;
        registerEvent(new KnowledgeSourceRequeued(tenantId.value(), id, campaignId, name, kind, attempt, actor));
    }

    KnowledgeSourceDeleted deleted(Actor actor) {
        return new KnowledgeSourceDeleted(tenantId.value(), id, campaignId, name, kind, chunkCount, actor);
    }

    private void requireStatus(SourceStatus expected) {
        if (status != expected) {
            throw new IllegalStateException("Source " + id + " is " + status + ", not " + expected);
        }
    }

    SourceView view() {
        return new SourceView(
                id,
                name,
                kind,
                fileType,
                url,
                campaignId,
                status,
                chunkCount,
                chunksDone,
                chunksTotal,
                duplicatesSkipped,
                pages,
                sizeBytes,
                error,
                createdAt,
                ingestedAt);
    }

    UUID id() {
        return id;
    }

    TenantId tenantId() {
        return tenantId;
    }

    UUID campaignId() {
        return campaignId;
    }

    SourceKind kind() {
        return kind;
    }

    String url() {
        return url;
    }

    FileType fileType() {
        return fileType;
    }

    SourceStatus status() {
        return status;
    }

    int attempt() {
        return attempt;
    }
}
