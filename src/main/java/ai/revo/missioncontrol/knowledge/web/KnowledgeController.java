package ai.revo.missioncontrol.knowledge.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.knowledge.CampaignKnowledgeView;
import ai.revo.missioncontrol.knowledge.ChunkView;
import ai.revo.missioncontrol.knowledge.KnowledgeSearch;
import ai.revo.missioncontrol.knowledge.KnowledgeSources;
import ai.revo.missioncontrol.knowledge.RetrievedChunk;
import ai.revo.missioncontrol.knowledge.SourceView;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Knowledge")
class KnowledgeController {

    private final KnowledgeSources sources;
    private final KnowledgeSearch search;

    KnowledgeController(KnowledgeSources sources, KnowledgeSearch search) {
        this.sources = sources;
        this.search = search;
    }

    @PostMapping(path = "/api/v1/knowledge/sources", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Upload a PDF, DOCX, TXT, Markdown or HTML file (up to 25 MB) for the workspace or a campaign",
            description = "Answers at once with the source QUEUED; follow it with GET /api/v1/knowledge/sources/{id} "
                    + "(PARSING, EMBEDDING with chunksDone of chunksTotal, then READY or FAILED with error).")
    SourceView upload(
            CurrentUser user,
            @RequestParam(value = "file", required = false) MultipartFile file,
            @RequestParam(required = false) UUID campaignId)
            throws IOException {
        if (file == null) {
            throw ApiException.invalidField("file", "is required (multipart field 'file')");
        }
        return sources.addFile(user.tenantId(), campaignId, file.getOriginalFilename(), file.getBytes(), user.actor());
    }

    record UrlSource(String url, UUID campaignId) {}

    @PostMapping("/api/v1/knowledge/sources/url")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Add a web page (fetched at once through the URL guard, read in the background)",
            description = "http(s) only; private, loopback, link-local and multicast addresses, more than 5 redirects, "
                    + "pages robots.txt disallows, over 10 MB, slower than 10 s or not HTML/text are refused with a "
                    + "4xx whose details.reason names why; nothing is stored then.")
    SourceView addUrl(CurrentUser user, @RequestBody(required = false) UrlSource body) {
        if (body == null || body.url() == null || body.url().isBlank()) {
            throw ApiException.invalidField("url", "is required");
        }
        return sources.addUrl(user.tenantId(), body.campaignId(), body.url(), user.actor());
    }

    @GetMapping("/api/v1/knowledge/sources")
    @Operation(summary = "The workspace's sources, newest first (campaignId: that campaign's only)")
    PageResult<SourceView> list(
            CurrentUser user,
            @RequestParam(required = false) UUID campaignId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return sources.list(user.tenantId(), campaignId, new PageQuery(page, limit));
    }

    @GetMapping("/api/v1/knowledge/sources/{id}")
    @Operation(summary = "One source with its status, progress and error")
    SourceView get(CurrentUser user, @PathVariable UUID id) {
        return sources.get(user.tenantId(), id);
    }

    @GetMapping("/api/v1/knowledge/sources/{id}/chunks")
    @Operation(summary = "The passages of a source, in order, with page or heading")
    PageResult<ChunkView> chunks(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return sources.chunks(user.tenantId(), id, new PageQuery(page, limit));
    }

    @PostMapping("/api/v1/knowledge/sources/{id}/reingest")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Read the source again (a web page is fetched afresh); 409 while it is being read")
    SourceView reingest(CurrentUser user, @PathVariable UUID id) {
        return sources.reingest(user.tenantId(), id, user.actor());
    }

    @DeleteMapping("/api/v1/knowledge/sources/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove the source and all its passages (on every node)")
    void delete(CurrentUser user, @PathVariable UUID id) {
        sources.delete(user.tenantId(), id, user.actor());
    }

    @GetMapping("/api/v1/knowledge/campaigns/{campaignId}/sources")
    @Operation(
            summary = "The knowledge a campaign draws on",
            description = "everyWorkspaceSource (every workspace-wide source, also those added later, or only the "
                    + "attached ones), attachedSourceIds (sources it uses without owning them) and sourceIds (every "
                    + "source a search with this campaignId reads, its own included).")
    CampaignKnowledgeView campaignKnowledge(CurrentUser user, @PathVariable UUID campaignId) {
        return sources.campaignKnowledge(user.tenantId(), campaignId);
    }

    record CampaignSelection(Boolean everyWorkspaceSource, List<UUID> attachedSourceIds) {}

    @PutMapping("/api/v1/knowledge/campaigns/{campaignId}/sources")
    @Operation(
            summary = "Choose the knowledge a campaign draws on {everyWorkspaceSource, attachedSourceIds}",
            description = "Replaces the earlier choice. The campaign's own sources are always used; attachedSourceIds "
                    + "may name workspace-wide sources (used when everyWorkspaceSource is false) and other campaigns' "
                    + "sources. 400 for a source not in the workspace or the campaign's own.")
    CampaignKnowledgeView selectForCampaign(
            CurrentUser user, @PathVariable UUID campaignId, @RequestBody(required = false) CampaignSelection body) {
        CampaignSelection b = body == null ? new CampaignSelection(null, null) : body;
        return sources.selectForCampaign(
                user.tenantId(), campaignId, b.everyWorkspaceSource(), b.attachedSourceIds(), user.actor());
    }

    @GetMapping("/api/v1/knowledge/search")
    @Operation(
            summary = "The passages that best answer a question (hybrid: semantic and full-text, fused, diversified)",
            description = "score is the passage's cosine similarity to the question (0..1); with campaignId the "
                    + "sources that campaign draws on are searched (GET /api/v1/knowledge/campaigns/{id}/sources), "
                    + "without it all.")
    PageResult<RetrievedChunk> search(
            CurrentUser user,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) UUID campaignId,
            @RequestParam(required = false) Integer k,
            @RequestParam(required = false) Double minScore) {
        return page(search.search(user.tenantId(), q, campaignId, k, minScore), k);
    }

    record SearchRequest(String q, UUID campaignId, Integer k, Double minScore) {}

    @PostMapping("/api/v1/knowledge/search")
    @Operation(summary = "The same search with a JSON body {q, campaignId, k, minScore}")
    PageResult<RetrievedChunk> searchPost(CurrentUser user, @RequestBody(required = false) SearchRequest body) {
        SearchRequest r = body == null ? new SearchRequest(null, null, null, null) : body;
        return page(search.search(user.tenantId(), r.q(), r.campaignId(), r.k(), r.minScore()), r.k());
    }

    private static PageResult<RetrievedChunk> page(List<RetrievedChunk> hits, Integer k) {
        return PageResult.of(hits, new PageQuery(1, k == null ? KnowledgeSearch.DEFAULT_K : k), hits.size());
    }
}
