package ai.revo.missioncontrol.email.web;

import ai.revo.missioncontrol.ai.LlmGateway;
import ai.revo.missioncontrol.email.ComposerDrafts;
import ai.revo.missioncontrol.email.ComposerProspects;
import ai.revo.missioncontrol.email.EmailTemplates;
import ai.revo.missioncontrol.email.Emails;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.NavigationGroup;
import ai.revo.missioncontrol.platform.NavigationItem;
import ai.revo.missioncontrol.platform.PageQuery;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The composer: subject and body saved as the user types (the browser chooses the draft id), a template picker, a
 * prospect picker, the AI panel and Send. Its JSON calls go to {@link ComposerPageApi}.
 */
@Controller
@RequestMapping("/compose")
class ComposerPageController {

    private final ComposerDrafts drafts;
    private final EmailTemplates templates;
    private final ComposerProspects prospects;
    private final Emails emails;
    private final LlmGateway llm;

    ComposerPageController(
            ComposerDrafts drafts,
            EmailTemplates templates,
            ComposerProspects prospects,
            Emails emails,
            LlmGateway llm) {
        this.drafts = drafts;
        this.templates = templates;
        this.prospects = prospects;
        this.emails = emails;
        this.llm = llm;
    }

    @Bean
    static NavigationItem composeNavigation() {
        return new NavigationItem(NavigationGroup.SELL, "Compose", "/compose", "pencil", 300, null);
    }

    @GetMapping
    String compose(CurrentUser user, Model model) {
        return page(user, null, model);
    }

    @GetMapping("/{draftId}")
    String draft(CurrentUser user, @PathVariable UUID draftId, Model model) {
        return page(user, draftId, model);
    }

    private String page(CurrentUser user, UUID draftId, Model model) {
        var draft =
                draftId == null ? null : drafts.find(user.tenantId(), draftId).orElse(null);
        model.addAttribute("draftId", draftId);
        model.addAttribute("draft", draft);
        model.addAttribute(
                "chosen",
                prospects
                        .ofLead(user.tenantId(), draft == null ? null : draft.prospectId())
                        .orElse(null));
        model.addAttribute(
                "templates",
                templates
                        .list(user.tenantId(), null, null, new PageQuery(1, PageQuery.MAX_LIMIT))
                        .data());
        model.addAttribute("canWrite", user.role().name().matches("ADMIN|OPERATOR|CLOSER"));
        model.addAttribute("canUseAi", user.role().name().matches("ADMIN|OPERATOR"));
        model.addAttribute("templateMode", llm.mode().templateMode());
        return "email/compose";
    }

    /** The prospect search box's results: each person once, with the campaigns they are a lead in. */
    @GetMapping("/prospects")
    String prospects(CurrentUser user, @RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("prospects", prospects.search(user.tenantId(), q, 8));
        return "email/compose-parts :: prospects";
    }

    /** A sent email's status, re-read whenever an email event arrives (queued, sent, or blocked with why). */
    @GetMapping("/emails/{id}/status")
    String status(CurrentUser user, @PathVariable UUID id, Model model) {
        model.addAttribute("email", emails.get(user.tenantId(), id));
        return "email/compose-parts :: status";
    }
}
