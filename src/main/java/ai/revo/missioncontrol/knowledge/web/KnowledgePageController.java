package ai.revo.missioncontrol.knowledge.web;

import ai.revo.missioncontrol.campaigns.CampaignManagement;
import ai.revo.missioncontrol.campaigns.CampaignView;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.knowledge.KnowledgeSearch;
import ai.revo.missioncontrol.knowledge.KnowledgeSources;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.NavigationGroup;
import ai.revo.missioncontrol.platform.NavigationItem;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.SortOrder;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Knowledge: the sources with live status and progress, upload and add-a-page forms, and "try a question". */
@Controller
@RequestMapping("/knowledge")
class KnowledgePageController {

    private final KnowledgeSources sources;
    private final KnowledgeSearch search;
    private final CampaignManagement campaigns;

    KnowledgePageController(KnowledgeSources sources, KnowledgeSearch search, CampaignManagement campaigns) {
        this.sources = sources;
        this.search = search;
        this.campaigns = campaigns;
    }

    @Bean
    static NavigationItem knowledgeNavigation() {
        return new NavigationItem(NavigationGroup.KNOWLEDGE, "Knowledge", "/knowledge", "books", 100, null);
    }

    @GetMapping
    String page(CurrentUser user, Model model) {
        model.addAttribute("campaigns", campaignNames(user));
        table(user, model);
        return "knowledge/knowledge";
    }

    @GetMapping("/sources")
    String sources(CurrentUser user, Model model) {
        model.addAttribute("campaigns", campaignNames(user));
        return table(user, model);
    }

    @PostMapping("/sources")
    String upload(
            CurrentUser user,
            @RequestParam(value = "file", required = false) MultipartFile file,
            @RequestParam(required = false) UUID campaignId,
            Model model)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw ApiException.invalidField("file", "is required: choose a PDF, DOCX, TXT, Markdown or HTML file");
        }
        sources.addFile(user.tenantId(), campaignId, file.getOriginalFilename(), file.getBytes(), user.actor());
        return sources(user, model);
    }

    @PostMapping("/sources/url")
    String addUrl(
            CurrentUser user,
            @RequestParam(required = false) String url,
            @RequestParam(required = false) UUID campaignId,
            Model model) {
        if (url == null || url.isBlank()) {
            throw ApiException.invalidField("url", "is required");
        }
        sources.addUrl(user.tenantId(), campaignId, url, user.actor());
        return sources(user, model);
    }

    @PostMapping("/sources/{id}/reingest")
    String reingest(CurrentUser user, @PathVariable UUID id, Model model) {
        sources.reingest(user.tenantId(), id, user.actor());
        return sources(user, model);
    }

    @PostMapping("/sources/{id}/delete")
    String delete(CurrentUser user, @PathVariable UUID id, Model model) {
        sources.delete(user.tenantId(), id, user.actor());
        return sources(user, model);
    }

    @GetMapping("/sources/{id}")
    String source(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("source", sources.get(user.tenantId(), id));
        model.addAttribute("chunks", sources.chunks(user.tenantId(), id, new PageQuery(page, 50)));
        return "knowledge/source";
    }

    @GetMapping("/search")
    String ask(
            CurrentUser user,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) UUID campaignId,
            Model model) {
        model.addAttribute("q", q);
        model.addAttribute("answers", search.search(user.tenantId(), q, campaignId, 5, null));
        return "knowledge/knowledge :: answers";
    }

    private String table(CurrentUser user, Model model) {
        var list = sources.list(user.tenantId(), null, new PageQuery(1, 100));
        model.addAttribute("sources", list);
        model.addAttribute("busy", list.data().stream().anyMatch(s -> !s.finished()));
        return "knowledge/knowledge :: sources";
    }

    private Map<UUID, String> campaignNames(CurrentUser user) {
        Map<UUID, String> names = new LinkedHashMap<>();
        for (CampaignView c : campaigns
                .list(
                        user.tenantId(),
                        null,
                        new PageQuery(1, 200),
                        SortOrder.of(null, null, CampaignManagement.SORTABLE, "createdAt", false))
                .data()) {
            names.put(c.id(), c.name());
        }
        return names;
    }
}
