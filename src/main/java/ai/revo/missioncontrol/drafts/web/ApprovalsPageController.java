package ai.revo.missioncontrol.drafts.web;

import ai.revo.missioncontrol.drafts.Decision;
import ai.revo.missioncontrol.drafts.DraftContent;
import ai.revo.missioncontrol.drafts.DraftManagement;
import ai.revo.missioncontrol.drafts.DraftView;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.NavigationGroup;
import ai.revo.missioncontrol.platform.NavigationItem;
import ai.revo.missioncontrol.platform.PageQuery;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The approval inbox: the queue, a detail pane with the message and its last change, and the five decisions. */
@Controller
@RequestMapping("/approvals")
class ApprovalsPageController {

    private final DraftManagement drafts;

    ApprovalsPageController(DraftManagement drafts) {
        this.drafts = drafts;
    }

    @Bean
    static NavigationItem approvalsNavigation() {
        return new NavigationItem(NavigationGroup.SELL, "Approvals", "/approvals", "inbox", 300, null);
    }

    @GetMapping
    String page(CurrentUser user, @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("inbox", drafts.inbox(user.tenantId(), new PageQuery(1, 100)));
        return htmx != null ? "drafts/approvals :: queue" : "drafts/approvals";
    }

    @GetMapping("/{id}")
    String detail(CurrentUser user, @PathVariable UUID id, Model model) {
        DraftView draft = drafts.get(user.tenantId(), id);
        model.addAttribute("draft", draft);
        model.addAttribute("links", ai.revo.missioncontrol.outbound.EmailHtml.links(draft.bodyHtml()));
        model.addAttribute(
                "diff",
                draft.version() > 1 ? drafts.diff(user.tenantId(), id, draft.version() - 1, draft.version()) : null);
        model.addAttribute("history", drafts.decisions(user.tenantId(), id, new PageQuery(1, 20)));
        return "drafts/approvals :: detail";
    }

    @PostMapping("/{id}/decide")
    @PreAuthorize("hasRole('ADMIN')")
    String decide(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestParam Decision decision,
            @RequestParam(required = false) String notes,
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) String body,
            @RequestParam(required = false) Long etag,
            Model model) {
        DraftContent edit = decision == Decision.EDIT_INLINE_APPROVE ? new DraftContent(subject, body, null) : null;
        DraftView decided = drafts.decide(user.tenantId(), id, decision, notes, edit, etag, user.actor());
        model.addAttribute("decided", decided);
        model.addAttribute("decision", decision);
        return "drafts/approvals :: decided";
    }
}
