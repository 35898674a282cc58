package ai.revo.missioncontrol.email.web;

import ai.revo.missioncontrol.ai.LlmGateway;
import ai.revo.missioncontrol.contacts.LeadManagement;
import ai.revo.missioncontrol.contacts.LeadQuery;
import ai.revo.missioncontrol.contacts.LeadView;
import ai.revo.missioncontrol.email.ComposerDrafts;
import ai.revo.missioncontrol.email.EmailTemplates;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.NavigationGroup;
import ai.revo.missioncontrol.platform.NavigationItem;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.SortOrder;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The composer: subject and body saved as the user types (the browser chooses the draft id), a template picker, a
 * prospect picker, the AI panel and Send. Its JSON calls go to {@link ComposerPageApi}.
 */
@Controller
@RequestMapping("/compose")
class ComposerPageController {

    private final ComposerDrafts drafts;
    private final EmailTemplates templates;
    private final LeadManagement leads;
    private final LlmGateway llm;

    ComposerPageController(ComposerDrafts drafts, EmailTemplates templates, LeadManagement leads, LlmGateway llm) {
        this.drafts = drafts;
        this.templates = templates;
        this.leads = leads;
        this.llm = llm;
    }

    @Bean
    static NavigationItem composeNavigation() {
        return new NavigationItem(NavigationGroup.SELL, "Compose", "/compose", "pencil", 300, null);
    }

    /** A lead that can be written to. */
    record Prospect(UUID id, String label, String email) {}

    @GetMapping
    String compose(CurrentUser user, Model model) {
        return page(user, null, model);
    }

    @GetMapping("/{draftId}")
    String draft(CurrentUser user, @PathVariable UUID draftId, Model model) {
        return page(user, draftId, model);
    }

    private String page(CurrentUser user, UUID draftId, Model model) {
        model.addAttribute("draftId", draftId);
        model.addAttribute(
                "draft",
                draftId == null ? null : drafts.find(user.tenantId(), draftId).orElse(null));
        List<LeadView> all = leads.list(
                        user.tenantId(),
                        new LeadQuery(null, null, null, null, null),
                        new PageQuery(1, PageQuery.MAX_LIMIT),
                        SortOrder.of(null, null, LeadManagement.SORTABLE, "updatedAt", false))
                .data();
        model.addAttribute(
                "prospects",
                all.stream()
                        .filter(l -> l.contact() != null
                                && l.contact().email() != null
                                && !l.contact().email().isBlank())
                        .map(l -> new Prospect(l.id(), label(l), l.contact().email()))
                        .toList());
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

    private static String label(LeadView l) {
        var c = l.contact();
        String name = ((c.firstName() == null ? "" : c.firstName()) + " " + (c.lastName() == null ? "" : c.lastName()))
                .strip();
        String who = name.isEmpty() ? c.email() : name + " <" + c.email() + ">";
        return c.company() == null || c.company().isBlank() ? who : who + " · " + c.company();
    }
}
