package ai.revo.missioncontrol.contacts.web;

import ai.revo.missioncontrol.contacts.ContactDetails;
import ai.revo.missioncontrol.contacts.ContactManagement;
import ai.revo.missioncontrol.contacts.LeadChange;
import ai.revo.missioncontrol.contacts.LeadManagement;
import ai.revo.missioncontrol.contacts.LeadQuery;
import ai.revo.missioncontrol.contacts.LeadStatus;
import ai.revo.missioncontrol.contacts.LeadView;
import ai.revo.missioncontrol.contacts.Score;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.NavigationGroup;
import ai.revo.missioncontrol.platform.NavigationItem;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.SortOrder;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Leads: a filterable table with inline value edit and score override, and the Kanban pipeline. */
@Controller
@RequestMapping("/leads")
class LeadsPageController {

    private final LeadManagement leads;
    private final ContactManagement contacts;

    LeadsPageController(LeadManagement leads, ContactManagement contacts) {
        this.leads = leads;
        this.contacts = contacts;
    }

    @PostMapping("/new")
    String add(
            CurrentUser user,
            @RequestParam(required = false) UUID campaignId,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String phone,
            @RequestParam(required = false) String firstName,
            @RequestParam(required = false) String lastName,
            @RequestParam(required = false) String company,
            Model model) {
        leads.enrol(
                user.tenantId(),
                campaignId,
                null,
                new ContactDetails(
                        firstName, lastName, email, phone, company, null, null, null, null, "dashboard", null, null),
                LeadChange.none(),
                user.actor());
        fill(user, campaignId, null, null, model);
        model.addAttribute("view", "table");
        return "contacts/leads :: content";
    }

    @Bean
    static NavigationItem leadsNavigation() {
        return new NavigationItem(NavigationGroup.SELL, "Leads", "/leads", "users-group", 150, null);
    }

    @GetMapping
    String page(
            CurrentUser user,
            @RequestParam(required = false) UUID campaignId,
            @RequestParam(required = false) LeadStatus status,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "table") String view,
            Model model) {
        fill(user, campaignId, status, q, model);
        model.addAttribute("view", "pipeline".equals(view) ? "pipeline" : "table");
        return "contacts/leads";
    }

    @GetMapping("/content")
    String content(
            CurrentUser user,
            @RequestParam(required = false) UUID campaignId,
            @RequestParam(required = false) LeadStatus status,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "table") String view,
            Model model) {
        fill(user, campaignId, status, q, model);
        model.addAttribute("view", "pipeline".equals(view) ? "pipeline" : "table");
        return "contacts/leads :: content";
    }

    @PostMapping("/{id}/status")
    String move(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestParam LeadStatus status,
            @RequestParam(required = false) UUID campaignId,
            Model model) {
        leads.change(
                user.tenantId(), id, new LeadChange(status, null, null, null, null, null, null, null), user.actor());
        fill(user, campaignId, null, null, model);
        model.addAttribute("view", "pipeline");
        return "contacts/leads :: content";
    }

    @PostMapping("/{id}/value")
    String value(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestParam BigDecimal potentialValue,
            @RequestParam String currency,
            Model model) {
        model.addAttribute(
                "l",
                leads.change(
                        user.tenantId(),
                        id,
                        new LeadChange(null, null, null, potentialValue, currency, null, null, null),
                        user.actor()));
        return "contacts/leads :: value-saved";
    }

    @PostMapping("/{id}/score-override")
    @PreAuthorize("hasRole('ADMIN')")
    String override(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) String score,
            @RequestParam(required = false) String reason,
            Model model) {
        Score s = score == null || score.isBlank() ? null : Score.valueOf(score);
        leads.overrideScore(user.tenantId(), id, s, reason, user.actor());
        fill(user, null, null, null, model);
        model.addAttribute("view", "table");
        return "contacts/leads :: content";
    }

    private void fill(CurrentUser user, UUID campaignId, LeadStatus status, String q, Model model) {
        List<LeadView> rows = leads.list(
                        user.tenantId(),
                        new LeadQuery(status, null, campaignId, null, q),
                        new PageQuery(1, 200),
                        SortOrder.of(null, null, LeadManagement.SORTABLE, "createdAt", false))
                .data();
        Map<LeadStatus, List<LeadView>> byStatus = new EnumMap<>(LeadStatus.class);
        for (LeadStatus s : LeadStatus.values()) {
            byStatus.put(s, new java.util.ArrayList<>());
        }
        rows.forEach(l -> byStatus.get(l.status()).add(l));
        model.addAttribute("leads", rows);
        model.addAttribute("columns", byStatus);
        model.addAttribute("pipeline", leads.pipeline(user.tenantId(), campaignId));
        model.addAttribute("campaignId", campaignId);
        model.addAttribute("status", status);
        model.addAttribute("q", q);
        model.addAttribute("statuses", LeadStatus.values());
        model.addAttribute("campaigns", contacts.enrollableCampaigns(user.tenantId()));
    }
}
