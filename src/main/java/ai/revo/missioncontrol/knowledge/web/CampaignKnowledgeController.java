package ai.revo.missioncontrol.knowledge.web;

import ai.revo.missioncontrol.campaigns.CampaignManagement;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.knowledge.KnowledgeSources;
import ai.revo.missioncontrol.knowledge.SourceView;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.PageQuery;
import java.io.IOException;
import java.util.List;
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
 * The campaign editor's Knowledge step (between the persona and the channels): the workspace's sources, which every
 * campaign uses, the campaign's own, and a file upload and a web page form that add a source for this campaign. A
 * refused file or address is shown in the step with its reason.
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

    private String render(CurrentUser user, UUID campaignId, String error, Model model) {
        campaigns.get(user.tenantId(), campaignId);
        List<SourceView> all = sources.list(user.tenantId(), null, new PageQuery(1, PageQuery.MAX_LIMIT))
                .data();
        List<SourceView> own =
                all.stream().filter(s -> campaignId.equals(s.campaignId())).toList();
        model.addAttribute("campaignId", campaignId);
        model.addAttribute(
                "workspace", all.stream().filter(s -> s.campaignId() == null).toList());
        model.addAttribute("own", own);
        model.addAttribute("busy", own.stream().anyMatch(s -> !s.finished()));
        model.addAttribute("error", error);
        return "knowledge/campaign-step :: step";
    }
}
