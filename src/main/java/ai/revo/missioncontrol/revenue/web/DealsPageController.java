package ai.revo.missioncontrol.revenue.web;

import ai.revo.missioncontrol.contacts.LeadManagement;
import ai.revo.missioncontrol.contacts.LeadQuery;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.NavigationGroup;
import ai.revo.missioncontrol.platform.NavigationItem;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.SortOrder;
import ai.revo.missioncontrol.revenue.DealDraft;
import ai.revo.missioncontrol.revenue.DealQuery;
import ai.revo.missioncontrol.revenue.DealTimeline;
import ai.revo.missioncontrol.revenue.DealView;
import ai.revo.missioncontrol.revenue.Deals;
import ai.revo.missioncontrol.revenue.Negotiation;
import ai.revo.missioncontrol.revenue.OfferDraft;
import ai.revo.missioncontrol.revenue.RevenueSettings;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.springframework.web.bind.annotation.RequestParam;

/** Deals: the Kanban of the pipeline (drag a card to move the deal) and each deal's page with its timeline. */
@Controller
class DealsPageController {

    private final Deals deals;
    private final LeadManagement leads;
    private final DealTimeline timeline;
    private final Negotiation negotiation;
    private final RevenueSettings settings;
    private final ai.revo.missioncontrol.revenue.Contracts contracts;

    DealsPageController(
            Deals deals,
            LeadManagement leads,
            DealTimeline timeline,
            Negotiation negotiation,
            RevenueSettings settings,
            ai.revo.missioncontrol.revenue.Contracts contracts) {
        this.contracts = contracts;
        this.deals = deals;
        this.leads = leads;
        this.timeline = timeline;
        this.negotiation = negotiation;
        this.settings = settings;
    }

    @Bean
    static NavigationItem dealsNavigation() {
        return new NavigationItem(NavigationGroup.REVENUE, "Deals", "/deals", "layout-kanban", 10, null);
    }

    @GetMapping("/deals")
    String page(CurrentUser user, Model model) {
        fill(user, model);
        return "revenue/deals";
    }

    @GetMapping("/deals/content")
    String content(CurrentUser user, Model model) {
        fill(user, model);
        return "revenue/deals :: content";
    }

    @PostMapping("/deals/{id}/stage")
    @PreAuthorize(DealController.CLOSERS)
    String move(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestParam UUID stageId,
            @RequestParam(required = false) String lostReason,
            Model model) {
        deals.move(user.tenantId(), id, stageId, lostReason, user.actor());
        fill(user, model);
        return "revenue/deals :: content";
    }

    @PostMapping("/deals/new")
    @PreAuthorize(DealController.CLOSERS)
    String open(CurrentUser user, @RequestParam UUID leadId) {
        DealView deal = deals.create(
                user.tenantId(),
                new DealDraft(leadId, null, null, null, null, null, null, null, null, null, null, null, null),
                user.actor());
        return "redirect:/deals/" + deal.id();
    }

    @PostMapping("/deals/{id}/negotiation")
    @PreAuthorize(DealController.CLOSERS)
    String offer(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestParam String who,
            @RequestParam(required = false) BigDecimal amount,
            @RequestParam(required = false) BigDecimal discountPercent,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) String terms,
            @RequestParam(required = false) Integer paymentTermsDays,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) String exceptionReason,
            Model model) {
        try {
            negotiation.record(
                    user.tenantId(),
                    id,
                    new OfferDraft(
                            who,
                            null,
                            null,
                            amount,
                            discountPercent,
                            terms,
                            paymentTermsDays,
                            channel,
                            note,
                            exceptionReason),
                    user.actor(),
                    user.isAdmin());
        } catch (ApiException refused) {
            model.addAttribute("offerError", refused.getMessage());
            return deal(user, id, model);
        }
        return "redirect:/deals/" + id;
    }

    @GetMapping("/deals/{id}")
    String deal(CurrentUser user, @PathVariable UUID id, Model model) {
        DealView deal = deals.get(user.tenantId(), id);
        model.addAttribute("deal", deal);
        model.addAttribute("timeline", timeline.of(user.tenantId(), deal));
        model.addAttribute("contracts", contracts.ofDeal(user.tenantId(), id));
        model.addAttribute("stages", deals.pipeline(user.tenantId()));
        model.addAttribute("settings", settings.get(user.tenantId()));
        model.addAttribute("canClose", user.role().name().matches("ADMIN|CLOSER"));
        return "revenue/deal";
    }

    private void fill(CurrentUser user, Model model) {
        var columns = deals.pipeline(user.tenantId());
        Map<UUID, List<DealView>> byStage = new HashMap<>();
        columns.forEach(c -> byStage.put(c.stage().id(), new ArrayList<>()));
        deals.list(user.tenantId(), DealQuery.all(), new PageQuery(1, PageQuery.MAX_LIMIT))
                .data()
                .forEach(d -> byStage.computeIfAbsent(d.stage().id(), k -> new ArrayList<>())
                        .add(d));
        model.addAttribute("columns", columns);
        model.addAttribute("dealsByStage", byStage);
        model.addAttribute("noDeals", columns.stream().mapToLong(c -> c.count()).sum() == 0);
        boolean canClose = user.role().name().matches("ADMIN|CLOSER");
        model.addAttribute("canClose", canClose);
        if (canClose) {
            model.addAttribute(
                    "leads",
                    leads.list(
                                    user.tenantId(),
                                    new LeadQuery(null, null, null, null, null),
                                    new PageQuery(1, 100),
                                    SortOrder.of(null, null, LeadManagement.SORTABLE, "updatedAt", false))
                            .data());
        }
    }
}
