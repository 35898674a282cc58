package ai.revo.missioncontrol.drafts.web;

import ai.revo.missioncontrol.campaigns.CampaignManagement;
import ai.revo.missioncontrol.drafts.DraftContent;
import ai.revo.missioncontrol.drafts.DraftManagement;
import ai.revo.missioncontrol.drafts.DraftStatus;
import ai.revo.missioncontrol.drafts.DraftView;
import ai.revo.missioncontrol.drafts.Priority;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.identity.Role;
import ai.revo.missioncontrol.platform.ApiException;
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

/** Drafts: the list, writing a new one, and the editor where each save is a new version. */
@Controller
@RequestMapping("/drafts")
class DraftsPageController {

    private final DraftManagement drafts;
    private final CampaignManagement campaigns;

    DraftsPageController(DraftManagement drafts, CampaignManagement campaigns) {
        this.drafts = drafts;
        this.campaigns = campaigns;
    }

    @Bean
    static NavigationItem draftsNavigation() {
        return new NavigationItem(NavigationGroup.SELL, "Drafts", "/drafts", "file-pencil", 280, null);
    }

    @GetMapping
    String list(CurrentUser user, @RequestParam(required = false) DraftStatus status, Model model) {
        model.addAttribute("drafts", drafts.list(user.tenantId(), status, null, null, new PageQuery(1, 100)));
        model.addAttribute(
                "campaigns",
                campaigns
                        .list(
                                user.tenantId(),
                                null,
                                new PageQuery(1, 200),
                                SortOrder.of("name", "asc", CampaignManagement.SORTABLE, "createdAt", false))
                        .data());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("statuses", DraftStatus.values());
        model.addAttribute("status", status);
        return "drafts/drafts";
    }

    @PostMapping
    String write(
            CurrentUser user,
            @RequestParam(required = false) UUID campaignId,
            @RequestParam(required = false) Channel channel,
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) String bodyText,
            HttpServletResponse response) {
        DraftView draft = drafts.write(
                user.tenantId(),
                campaignId,
                null,
                channel,
                new DraftContent(subject, bodyText, null),
                Priority.NORMAL,
                null,
                null,
                user.actor());
        response.setHeader("HX-Redirect", "/drafts/" + draft.id());
        return "fragments :: flash-success";
    }

    @GetMapping("/{id}")
    String edit(CurrentUser user, @PathVariable UUID id, Model model) {
        return editor(user, drafts.get(user.tenantId(), id), model, null);
    }

    @PostMapping("/{id}")
    String save(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) String bodyText,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) Long etag,
            Model model) {
        DraftView draft = drafts.revise(
                user.tenantId(), id, new DraftContent(subject, bodyText, null), null, reason, etag, user.actor());
        return editor(user, draft, model, "Saved as version " + draft.version());
    }

    @PostMapping("/{id}/submit")
    String submit(CurrentUser user, @PathVariable UUID id, Model model) {
        if (user.role() != Role.ADMIN && user.role() != Role.OPERATOR) {
            throw ApiException.forbidden("Only an ADMIN or OPERATOR submits drafts for approval");
        }
        return editor(
                user,
                drafts.submit(user.tenantId(), id, null, user.actor()),
                model,
                "Submitted: it is in the approval inbox");
    }

    private String editor(CurrentUser user, DraftView draft, Model model, String saved) {
        model.addAttribute("draft", draft);
        model.addAttribute(
                "versions",
                drafts.versions(user.tenantId(), draft.id(), new PageQuery(1, 50))
                        .data());
        model.addAttribute(
                "campaignName",
                campaigns.get(user.tenantId(), draft.campaignId()).name());
        model.addAttribute("saved", saved);
        return "drafts/editor";
    }
}
