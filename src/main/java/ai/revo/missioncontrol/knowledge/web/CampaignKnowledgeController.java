package ai.revo.missioncontrol.knowledge.web;

import ai.revo.missioncontrol.campaigns.CampaignManagement;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.knowledge.CampaignKnowledgeView;
import ai.revo.missioncontrol.knowledge.KnowledgeSources;
import ai.revo.missioncontrol.knowledge.SourceView;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.PageQuery;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The campaign editor's Knowledge step (between the persona and the channels): the workspace's sources (every one,
 * or only those ticked), the sources of other campaigns it may attach, the campaign's own, and a file upload and a
 * web page form that add a source for this campaign. A refused file or address is shown in the step with its reason.
 */
@Controller
@RequestMapping("/knowledge/campaigns/{campaignId}")
class CampaignKnowledgeController {

    private final KnowledgeSources sources;
    private final CampaignManagement campaigns;

    CampaignKnowledgeController(KnowledgeSources sources, CampaignManagement campaigns) {
        this.sources = sources;
        this.campaigns = campaigns;
    }

    @GetMapping
    String step(CurrentUser user, @PathVariable UUID campaignId, Model model) {
        return render(user, campaignId, null, model);
    }

    @PostMapping("/sources")
    String upload(
            CurrentUser user,
            @PathVariable UUID campaignId,
            @RequestParam(value = "file", required = false) MultipartFile file,
            Model model)
            throws IOException {
        campaigns.get(user.tenantId(), campaignId);
        try {
            if (file == null || file.isEmpty()) {
                throw ApiException.invalidField("file", "is required: choose a PDF, DOCX, TXT, Markdown or HTML file");
            }
            sources.addFile(user.tenantId(), campaignId, file.getOriginalFilename(), file.getBytes(), user.actor());
            return render(user, campaignId, null, model);
        } catch (ApiException refused) {
            return render(user, campaignId, refused.getMessage(), model);
        }
    }

    @PostMapping("/sources/url")
    String addUrl(
            CurrentUser user, @PathVariable UUID campaignId, @RequestParam(required = false) String url, Model model) {
        campaigns.get(user.tenantId(), campaignId);
        try {
            if (url == null || url.isBlank()) {
                throw ApiException.invalidField("url", "is required");
            }
            sources.addUrl(user.tenantId(), campaignId, url, user.actor());
            return render(user, campaignId, null, model);
        } catch (ApiException refused) {
            return render(user, campaignId, refused.getMessage(), model);
        }
    }

    @PostMapping("/every")
    String every(CurrentUser user, @PathVariable UUID campaignId, @RequestParam boolean on, Model model) {
        CampaignKnowledgeView now = sources.campaignKnowledge(user.tenantId(), campaignId);
        sources.selectForCampaign(user.tenantId(), campaignId, on, now.attachedSourceIds(), user.actor());
        return render(user, campaignId, null, model);
    }

    @PostMapping("/attach")
    String attach(
            CurrentUser user,
            @PathVariable UUID campaignId,
            @RequestParam UUID sourceId,
            @RequestParam boolean on,
            Model model) {
        CampaignKnowledgeView now = sources.campaignKnowledge(user.tenantId(), campaignId);
        List<UUID> attached = new ArrayList<>(now.attachedSourceIds());
        attached.remove(sourceId);
        if (on) {
            attached.add(sourceId);
        }
        try {
            sources.selectForCampaign(user.tenantId(), campaignId, now.everyWorkspaceSource(), attached, user.actor());
            return render(user, campaignId, null, model);
        } catch (ApiException refused) {
            return render(user, campaignId, refused.getMessage(), model);
        }
    }

    /** A source listed in the step, and whether this campaign's writers draw on it. */
    record Listed(SourceView source, boolean used, String owner) {}

    private String render(CurrentUser user, UUID campaignId, String error, Model model) {
        campaigns.get(user.tenantId(), campaignId);
        CampaignKnowledgeView knowledge = sources.campaignKnowledge(user.tenantId(), campaignId);
        Set<UUID> used = Set.copyOf(knowledge.sourceIds());
        List<SourceView> all = sources.list(user.tenantId(), null, new PageQuery(1, PageQuery.MAX_LIMIT))
                .data();
        List<SourceView> own =
                all.stream().filter(s -> campaignId.equals(s.campaignId())).toList();
        Map<UUID, String> names = new HashMap<>();
        List<Listed> others = new ArrayList<>();
        for (SourceView s : all) {
            if (s.campaignId() != null && !campaignId.equals(s.campaignId())) {
                String owner = names.computeIfAbsent(
                        s.campaignId(), id -> campaigns.get(user.tenantId(), id).name());
                others.add(new Listed(s, used.contains(s.id()), owner));
            }
        }
        model.addAttribute("campaignId", campaignId);
        model.addAttribute("every", knowledge.everyWorkspaceSource());
        model.addAttribute(
                "workspace",
                all.stream()
                        .filter(s -> s.campaignId() == null)
                        .map(s -> new Listed(s, used.contains(s.id()), null))
                        .toList());
        model.addAttribute("others", others);
        model.addAttribute("own", own);
        model.addAttribute("busy", own.stream().anyMatch(s -> !s.finished()));
        model.addAttribute("error", error);
        return "knowledge/campaign-step :: step";
    }
}
