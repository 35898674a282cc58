package ai.revo.missioncontrol.revenue.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.NavigationGroup;
import ai.revo.missioncontrol.platform.NavigationItem;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.revenue.Dunning;
import ai.revo.missioncontrol.revenue.InvoiceQuery;
import ai.revo.missioncontrol.revenue.InvoiceStatus;
import ai.revo.missioncontrol.revenue.InvoiceView;
import ai.revo.missioncontrol.revenue.Invoices;
import ai.revo.missioncontrol.revenue.ReminderView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Dunning: overdue invoices, the reminders and their review (approve and send, reject), and running the check. */
@Controller
class DunningPageController {

    private final Dunning dunning;
    private final Invoices invoices;

    DunningPageController(Dunning dunning, Invoices invoices) {
        this.dunning = dunning;
        this.invoices = invoices;
    }

    @Bean
    static NavigationItem dunningNavigation() {
        return new NavigationItem(NavigationGroup.REVENUE, "Dunning", "/dunning", "bell-ringing", 30, null);
    }

    /** A reminder with the invoice it is about, for the table. */
    record Row(ReminderView reminder, InvoiceView invoice) {}

    @GetMapping("/dunning")
    String page(CurrentUser user, @RequestParam(required = false) String status, Model model) {
        List<InvoiceView> overdue = invoices.list(
                        user.tenantId(),
                        new InvoiceQuery(InvoiceStatus.OVERDUE, null, "INVOICE"),
                        new PageQuery(1, 100))
                .data();
        Map<UUID, InvoiceView> byId = new HashMap<>();
        overdue.forEach(i -> byId.put(i.id(), i));
        String filter = status == null || status.isBlank() ? null : status;
        List<Row> rows = dunning.list(user.tenantId(), filter, new PageQuery(1, 100)).data().stream()
                .map(r -> new Row(r, byId.computeIfAbsent(r.invoiceId(), id -> invoices.get(user.tenantId(), id))))
                .toList();
        Map<UUID, ReminderView> latest = new HashMap<>();
        for (InvoiceView i : overdue) {
            List<ReminderView> of = dunning.reminders(user.tenantId(), i.id());
            if (!of.isEmpty()) {
                latest.put(i.id(), of.get(of.size() - 1));
            }
        }
        Map<UUID, Boolean> flagged = new HashMap<>();
        overdue.forEach(i ->
                flagged.put(i.id(), dunning.flaggedAt(user.tenantId(), i.id()).isPresent()));
        model.addAttribute("overdue", overdue);
        model.addAttribute("latest", latest);
        model.addAttribute("flagged", flagged);
        model.addAttribute("rows", rows);
        model.addAttribute("status", filter);
        model.addAttribute("statuses", List.of("DRAFTED", "SENDING", "SENT", "NOT_SENT", "STOPPED", "REJECTED"));
        model.addAttribute("settings", dunning.settings(user.tenantId()));
        model.addAttribute("canBill", user.role().name().matches("ADMIN|FINANCE"));
        return "revenue/dunning";
    }

    @PostMapping("/dunning/run")
    @PreAuthorize(InvoiceController.FINANCE)
    String run(CurrentUser user, RedirectAttributes flash) {
        Dunning.RunOutcome outcome = dunning.runToday(user.tenantId());
        // flash attributes live in the (serialized) session: plain values only
        flash.addFlashAttribute("ranDrafted", outcome.drafted());
        flash.addFlashAttribute("ranSent", outcome.sent());
        return "redirect:/dunning";
    }

    @PostMapping("/dunning/reminders/{id}/approve")
    @PreAuthorize(InvoiceController.FINANCE)
    String approve(CurrentUser user, @PathVariable UUID id, RedirectAttributes flash) {
        return act(flash, () -> dunning.approve(user.tenantId(), id, user.actor()));
    }

    @PostMapping("/dunning/reminders/{id}/reject")
    @PreAuthorize(InvoiceController.FINANCE)
    String reject(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) String reason,
            RedirectAttributes flash) {
        return act(flash, () -> dunning.reject(user.tenantId(), id, reason, user.actor()));
    }

    /** Runs the decision; its outcome or refusal is shown on the page. */
    private static String act(RedirectAttributes flash, Supplier<ReminderView> action) {
        try {
            ReminderView decided = action.get();
            flash.addFlashAttribute("decidedStatus", decided.status());
            flash.addFlashAttribute("decidedReason", decided.reason());
        } catch (ApiException refused) {
            flash.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/dunning";
    }
}
