package ai.revo.missioncontrol.campaigns.web;

import ai.revo.missioncontrol.ai.LlmGateway;
import ai.revo.missioncontrol.campaigns.CampaignManagement;
import ai.revo.missioncontrol.campaigns.CampaignStatus;
import ai.revo.missioncontrol.campaigns.CampaignView;
import ai.revo.missioncontrol.campaigns.Persona;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.NavigationGroup;
import ai.revo.missioncontrol.platform.NavigationItem;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.SortOrder;
import ai.revo.missioncontrol.safety.Channel;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Campaigns: the list, creation, and the editor with persona sliders and the live system-prompt preview. */
@Controller
@RequestMapping("/campaigns")
class CampaignsPageController {

    private final CampaignManagement campaigns;
    private final ai.revo.missioncontrol.campaigns.CampaignStatistics statistics;
    private final LlmGateway llm;

    CampaignsPageController(
            CampaignManagement campaigns,
            ai.revo.missioncontrol.campaigns.CampaignStatistics statistics,
            LlmGateway llm) {
        this.llm = llm;
        this.campaigns = campaigns;
        this.statistics = statistics;
    }

    @Bean
    static NavigationItem campaignsNavigation() {
        return new NavigationItem(NavigationGroup.SELL, "Campaigns", "/campaigns", "speakerphone", 100, null);
    }

    @GetMapping
    String list(CurrentUser user, @RequestParam(required = false) CampaignStatus status, Model model) {
        model.addAttribute(
                "campaigns",
                campaigns.list(
                        user.tenantId(),
                        status,
                        new PageQuery(1, 200),
                        SortOrder.of(null, null, CampaignManagement.SORTABLE, "createdAt", false)));
        model.addAttribute("channels", Channel.values());
        model.addAttribute("status", status);
        model.addAttribute("statuses", CampaignStatus.values());
        return "campaigns/list";
    }

    @PostMapping
    String create(CurrentUser user, CampaignForm form, HttpServletResponse response) {
        CampaignView created = campaigns.create(user.tenantId(), form.draft(false), user.actor());
        response.setHeader("HX-Redirect", "/campaigns/" + created.id());
        return "fragments :: flash-success";
    }

    @GetMapping("/{id}")
    String edit(CurrentUser user, @PathVariable UUID id, Model model) {
        return editor(user, campaigns.get(user.tenantId(), id), model, null);
    }

    @PostMapping("/{id}")
    String save(CurrentUser user, @PathVariable UUID id, CampaignForm form, Model model) {
        return editor(user, campaigns.change(user.tenantId(), id, form.draft(true), user.actor()), model, "Saved");
    }

    @PostMapping("/{id}/status")
    String move(CurrentUser user, @PathVariable UUID id, @RequestParam CampaignStatus status, Model model) {
        return editor(
                user, campaigns.moveTo(user.tenantId(), id, status, user.actor()), model, "Campaign is now " + status);
    }

    @PostMapping("/preview")
    String preview(CampaignForm form, Model model) {
        model.addAttribute("prompt", campaigns.previewPrompt(form.persona(), form.name(), form.objective()));
        return "campaigns/edit :: prompt";
    }

    private String editor(CurrentUser user, CampaignView campaign, Model model, String saved) {
        model.addAttribute("c", campaign);
        var stats = statistics.of(user.tenantId(), campaign.id());
        model.addAttribute("stats", stats);
        model.addAttribute(
                "leadCount",
                stats.leadsByStatus().values().stream()
                        .mapToLong(Long::longValue)
                        .sum());
        model.addAttribute("industries", CampaignForm.text(campaign.criteria().industries()));
        model.addAttribute("companySizes", CampaignForm.text(campaign.criteria().companySizes()));
        model.addAttribute("titles", CampaignForm.text(campaign.criteria().titles()));
        model.addAttribute("locations", CampaignForm.text(campaign.criteria().locations()));
        model.addAttribute("channels", Channel.values());
        model.addAttribute("next", campaign.status().next());
        model.addAttribute("prompt", campaign.systemPrompt());
        model.addAttribute("saved", saved);
        // the persona only shapes what a model writes; in template mode drafts come from templates as they are
        model.addAttribute("templateMode", llm.mode().templateMode());
        model.addAttribute("bandMediumFrom", Persona.Band.MEDIUM_FROM);
        model.addAttribute("bandHighFrom", Persona.Band.HIGH_FROM);
        return "campaigns/edit";
    }
}
