package ai.revo.missioncontrol.drafts.web;

import ai.revo.missioncontrol.drafts.ApprovalInbox;
import ai.revo.missioncontrol.drafts.BulkDecisions;
import ai.revo.missioncontrol.drafts.ConfidenceBand;
import ai.revo.missioncontrol.drafts.Decision;
import ai.revo.missioncontrol.drafts.DraftContent;
import ai.revo.missioncontrol.drafts.DraftManagement;
import ai.revo.missioncontrol.drafts.DraftView;
import ai.revo.missioncontrol.drafts.InboxFilter;
import ai.revo.missioncontrol.drafts.Priority;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.NavigationGroup;
import ai.revo.missioncontrol.platform.NavigationItem;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.safety.Channel;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The approval inbox: filters, the paged queue with bulk decisions, and a detail pane with the message, whether its
 * channel can send, its last change and the five decisions; after a decision the next draft opens.
 */
@Controller
@RequestMapping("/approvals")
class ApprovalsPageController {

    static final int PAGE_SIZE = 50;

    private final DraftManagement drafts;
    private final ApprovalInbox inbox;
    private final BulkDecisions bulk;

    ApprovalsPageController(DraftManagement drafts, ApprovalInbox inbox, BulkDecisions bulk) {
        this.drafts = drafts;
        this.inbox = inbox;
        this.bulk = bulk;
    }

    /** The filter form as the page binds it; a search of one character is not a search yet. */
    public record Filters(
            UUID campaignId, Channel channel, String author, ConfidenceBand confidence, Priority priority, String q) {
        public InboxFilter filter() {
            String words = q == null || q.strip().length() < 2 ? null : q.strip();
            return confidence == null
                    ? new InboxFilter(campaignId, channel, author, null, null, null, priority, words)
                    : confidence.filter(campaignId, channel, author, priority, words);
        }
    }

    @Bean
    static NavigationItem approvalsNavigation() {
        return new NavigationItem(NavigationGroup.SELL, "Approvals", "/approvals", "inbox", 300, null);
    }

    @GetMapping
    String page(
            CurrentUser user,
            @ModelAttribute("filters") Filters filters,
            @RequestParam(required = false) Integer page,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        InboxFilter filter = filters.filter();
        model.addAttribute("inbox", inbox.page(user.tenantId(), filter, new PageQuery(page, PAGE_SIZE)));
        model.addAttribute("filtered", !filter.equals(InboxFilter.NONE));
        if (htmx != null) {
            return "drafts/approvals :: queue";
        }
        model.addAttribute("facets", inbox.facets(user.tenantId()));
        model.addAttribute("bands", ConfidenceBand.values());
        model.addAttribute("priorities", Priority.values());
        return "drafts/approvals";
    }

    @GetMapping("/{id}")
    String detail(CurrentUser user, @PathVariable UUID id, Model model) {
        showDetail(user, id, model);
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
            @RequestParam(required = false) UUID next,
            @ModelAttribute("filters") Filters filters,
            HttpServletResponse response,
            Model model) {
        DraftContent edit = decision == Decision.EDIT_INLINE_APPROVE ? new DraftContent(subject, body, null) : null;
        DraftView decided = drafts.decide(user.tenantId(), id, decision, notes, edit, etag, user.actor());
        model.addAttribute(
                "decided",
                inbox.items(user.tenantId(), List.of(id)).stream().findFirst().orElse(null));
        model.addAttribute("decidedDraft", decided);
        model.addAttribute("decision", decision);
        inbox.next(user.tenantId(), filters.filter(), next).ifPresent(n -> showDetail(user, n, model));
        response.setHeader("HX-Trigger", "mc-inbox-changed");
        return "drafts/approvals :: decided";
    }

    @PostMapping("/bulk")
    @PreAuthorize("hasRole('ADMIN')")
    String bulk(
            CurrentUser user,
            @RequestParam Decision decision,
            @RequestParam List<UUID> draftIds,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String etags,
            HttpServletResponse response,
            Model model) {
        model.addAttribute(
                "outcome", bulk.decide(user.tenantId(), decision, draftIds, reason, parse(etags), user.actor()));
        response.setHeader("HX-Trigger", "mc-inbox-changed");
        return "drafts/approvals :: bulk-decided";
    }

    private void showDetail(CurrentUser user, UUID id, Model model) {
        DraftView draft = drafts.get(user.tenantId(), id);
        model.addAttribute("draft", draft);
        model.addAttribute("channelStatus", inbox.statuses(user.tenantId()).get(draft.channel()));
        model.addAttribute("links", ai.revo.missioncontrol.outbound.EmailHtml.links(draft.bodyHtml()));
        model.addAttribute(
                "diff",
                draft.version() > 1 ? drafts.diff(user.tenantId(), id, draft.version() - 1, draft.version()) : null);
        model.addAttribute("history", drafts.decisions(user.tenantId(), id, new PageQuery(1, 20)));
    }

    /** {@code id:etag,id:etag} as the queue's checkboxes carry them; malformed pairs are ignored. */
    private static Map<UUID, Long> parse(String etags) {
        Map<UUID, Long> out = new HashMap<>();
        if (etags == null) {
            return out;
        }
        Arrays.stream(etags.split(","))
                .map(p -> p.split(":"))
                .filter(p -> p.length == 2)
                .forEach(p -> {
                    try {
                        out.put(UUID.fromString(p[0].trim()), Long.parseLong(p[1].trim()));
                    } catch (IllegalArgumentException ignored) {
                        // a pair the page did not write: the draft is decided without the stale check
                    }
                });
        return out;
    }
}
