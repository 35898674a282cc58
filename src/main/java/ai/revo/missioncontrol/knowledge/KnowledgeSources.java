package ai.revo.missioncontrol.knowledge;

import ai.revo.missioncontrol.campaigns.CampaignManagement;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.outbound.WebPage;
import ai.revo.missioncontrol.outbound.WebPages;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorCode;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The knowledge base's sources: upload a file or add a web page (for the workspace, or one campaign when
 * {@code campaignId} is given), follow its ingestion, read its passages, ingest it again, remove it. Adding answers
 * at once with the source QUEUED; the reading happens in the background.
 */
@Service
public class KnowledgeSources {

    public static final long MAX_FILE_BYTES = 25L * 1024 * 1024;

    private final SourceSteps steps;
    private final ChunkStore chunks;
    private final WebPages webPages;
    private final CampaignManagement campaigns;
    private final JdbcClient jdbc;
    private final CampaignScopes scopes;

    KnowledgeSources(
            SourceSteps steps,
            ChunkStore chunks,
            WebPages webPages,
            CampaignManagement campaigns,
            JdbcClient jdbc,
            CampaignScopes scopes) {
        this.steps = steps;
        this.chunks = chunks;
        this.webPages = webPages;
        this.campaigns = campaigns;
        this.jdbc = jdbc;
        this.scopes = scopes;
    }

    /**
     * Stores an uploaded file and queues its ingestion. 400 when empty; 413 over 25 MB; 415 when its content is no
     * supported type or not the type its name says; 404 for a campaign not in this workspace.
     */
    public SourceView addFile(TenantId tenant, UUID campaignId, String fileName, byte[] content, Actor actor) {
        if (content == null || content.length == 0) {
            throw ApiException.invalidField("file", "is empty");
        }
        if (content.length > MAX_FILE_BYTES) {
            throw new ApiException(
                    ErrorCode.PAYLOAD_TOO_LARGE,
                    "The file is larger than 25 MB",
                    Map.of("fields", List.of(Map.of("field", "file", "message", "is larger than 25 MB"))));
        }
        requireCampaign(tenant, campaignId);
        FileType type = DocumentReader.sniff(fileName, content);
        String name = fileName == null || fileName.isBlank() ? "upload" : clip(fileName.strip(), 255);
        return steps.add(tenant, campaignId, SourceKind.FILE, name, null, type, null, content, actor);
    }

    /**
     * Fetches a web page through the guarded fetcher (http(s) only, public addresses, robots.txt, 10 s, 10 MB, HTML
     * or text) and queues its ingestion; each refusal is a 4xx naming the reason, and nothing is stored. Slow I/O:
     * no transaction is open while the page is fetched.
     */
    public SourceView addUrl(TenantId tenant, UUID campaignId, String url, Actor actor) {
        requireCampaign(tenant, campaignId);
        WebPage page = webPages.fetch(url);
        FileType type = DocumentReader.ofWebPage(page.mediaType(), page.body());
        String title = type == FileType.HTML ? DocumentReader.htmlTitle(page.body(), page.charset()) : null;
        String name = clip(title == null ? page.requested().toString() : title, 255);
        String mediaType = page.mediaType()
                + (page.charset() == null ? "" : "; charset=" + page.charset().name());
        return steps.add(
                tenant,
                campaignId,
                SourceKind.URL,
                name,
                page.requested().toString(),
                type,
                mediaType,
                page.body(),
                actor);
    }

    /** The workspace's sources, newest first; with {@code campaignId}, that campaign's only. */
    @Transactional(readOnly = true)
    public PageResult<SourceView> list(TenantId tenant, UUID campaignId, PageQuery page) {
        long total = jdbc.sql("select count(*) from knowledge_sources where tenant_id = ? "
                        + "and (cast(? as uuid) is null or campaign_id = cast(? as uuid))")
                .params(tenant.value(), campaignId, campaignId)
                .query(Long.class)
                .single();
        List<SourceView> rows = jdbc.sql("select id, name, kind, file_type, url, campaign_id, status, chunk_count, "
                        + "chunks_done, chunks_total, duplicates_skipped, pages, size_bytes, error, created_at, "
                        + "ingested_at from knowledge_sources where tenant_id = ? "
                        + "and (cast(? as uuid) is null or campaign_id = cast(? as uuid)) "
                        + "order by created_at desc, id limit ? offset ?")
                .params(tenant.value(), campaignId, campaignId, page.limit(), page.offset())
                .query((rs, n) -> new SourceView(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        SourceKind.valueOf(rs.getString(3)),
                        FileType.valueOf(rs.getString(4)),
                        rs.getString(5),
                        rs.getObject(6, UUID.class),
                        SourceStatus.valueOf(rs.getString(7)),
                        rs.getInt(8),
                        rs.getInt(9),
                        rs.getInt(10),
                        rs.getInt(11),
                        (Integer) rs.getObject(12),
                        rs.getLong(13),
                        rs.getString(14),
                        rs.getTimestamp(15).toInstant(),
                        rs.getTimestamp(16) == null ? null : rs.getTimestamp(16).toInstant()))
                .list();
        return PageResult.of(rows, page, total);
    }

    /** One source; 404 when it is not in this workspace. */
    public SourceView get(TenantId tenant, UUID id) {
        return steps.get(tenant, id);
    }

    /** Queues the source to be read again (a web page is fetched afresh); 409 while it is being read. */
    public SourceView reingest(TenantId tenant, UUID id, Actor actor) {
        return steps.requeue(tenant, id, actor);
    }

    /** Removes the source and every passage of it; every node stops answering them at once. */
    public void delete(TenantId tenant, UUID id, Actor actor) {
        steps.delete(tenant, id, actor);
    }

    /** The passages of a source in order. */
    @Transactional(readOnly = true)
    public PageResult<ChunkView> chunks(TenantId tenant, UUID id, PageQuery page) {
        steps.get(tenant, id);
        return PageResult.of(
                chunks.ofSource(tenant, id, page.limit(), page.offset()), page, chunks.countOfSource(tenant, id));
    }

    /**
     * The knowledge a campaign's writers draw on (and {@code GET /api/v1/knowledge/search?campaignId=} searches): its
     * own sources, every workspace-wide source or only the attached ones, and the attached sources of other
     * campaigns. 404 for a campaign not in this workspace.
     */
    public CampaignKnowledgeView campaignKnowledge(TenantId tenant, UUID campaignId) {
        campaigns.get(tenant, campaignId);
        return scopes.view(tenant, campaignId);
    }

    /**
     * Chooses the knowledge a campaign draws on: {@code everyWorkspaceSource} (null: true) and the sources it uses
     * without owning them (null: none), replacing the earlier choice. 404 for a campaign not in this workspace, 400
     * for a source that is not in the workspace or is the campaign's own.
     */
    public CampaignKnowledgeView selectForCampaign(
            TenantId tenant, UUID campaignId, Boolean everyWorkspaceSource, List<UUID> attachedSourceIds, Actor actor) {
        campaigns.get(tenant, campaignId);
        return scopes.select(
                tenant, campaignId, everyWorkspaceSource == null || everyWorkspaceSource, attachedSourceIds, actor);
    }

    private void requireCampaign(TenantId tenant, UUID campaignId) {
        if (campaignId != null) {
            campaigns.get(tenant, campaignId);
        }
    }

    private static String clip(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
