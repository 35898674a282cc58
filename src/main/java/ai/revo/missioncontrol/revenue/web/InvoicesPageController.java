package ai.revo.missioncontrol.revenue.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.NavigationGroup;
import ai.revo.missioncontrol.platform.NavigationItem;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.revenue.DealQuery;
import ai.revo.missioncontrol.revenue.Deals;
import ai.revo.missioncontrol.revenue.InvoiceDraft;
import ai.revo.missioncontrol.revenue.InvoiceQuery;
import ai.revo.missioncontrol.revenue.InvoiceStatus;
import ai.revo.missioncontrol.revenue.InvoiceView;
import ai.revo.missioncontrol.revenue.Invoices;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Invoices: the list, a draft from a deal or by hand, and each invoice's page (issue, payments, credit note, PDF). */
@Controller
class InvoicesPageController {

    private final Invoices invoices;
    private final Deals deals;

    InvoicesPageController(Invoices invoices, Deals deals) {
        this.invoices = invoices;
        this.deals = deals;
    }

    @Bean
    static NavigationItem invoicesNavigation() {
        return new NavigationItem(NavigationGroup.REVENUE, "Invoices", "/invoices", "file-invoice", 20, null);
    }

    @GetMapping("/invoices")
    String page(CurrentUser user, @RequestParam(required = false) InvoiceStatus status, Model model) {
        model.addAttribute(
                "invoices",
                invoices.list(user.tenantId(), new InvoiceQuery(status, null, null), new PageQuery(1, 100))
                        .data());
        model.addAttribute("status", status);
        model.addAttribute("statuses", InvoiceStatus.values());
        model.addAttribute("canBill", canBill(user));
        model.addAttribute(
                "deals",
                deals.list(user.tenantId(), DealQuery.all(), new PageQuery(1, 100))
                        .data());
        return "revenue/invoices";
    }

    @PostMapping("/invoices/new")
    @PreAuthorize(InvoiceController.FINANCE)
    String create(
            CurrentUser user,
            @RequestParam(required = false) UUID dealId,
            @RequestParam(required = false) String customerName,
            @RequestParam(required = false) String currency,
            @RequestParam(required = false) String description,
            @RequestParam(required = false) BigDecimal quantity,
            @RequestParam(required = false) BigDecimal unitPrice,
            @RequestParam(required = false) BigDecimal taxRate) {
        List<InvoiceDraft.Line> lines = description == null || description.isBlank()
                ? null
                : List.of(new InvoiceDraft.Line(description, quantity, unitPrice, taxRate));
        InvoiceView created = invoices.create(
                user.tenantId(),
                new InvoiceDraft(
                        dealId,
                        null,
                        blank(customerName),
                        null,
                        null,
                        blank(currency),
                        null,
                        lines,
                        null,
                        null,
                        null,
                        null),
                user.actor());
        return "redirect:/invoices/" + created.id();
    }

    @GetMapping("/invoices/{id}")
    String invoice(CurrentUser user, @PathVariable UUID id, Model model) {
        model.addAttribute("invoice", invoices.get(user.tenantId(), id));
        model.addAttribute("messages", invoices.messages(user.tenantId(), id));
        model.addAttribute("canBill", canBill(user));
        return "revenue/invoice";
    }

    @PostMapping("/invoices/{id}/issue")
    @PreAuthorize(InvoiceController.FINANCE)
    String issue(CurrentUser user, @PathVariable UUID id, Model model) {
        return act(user, id, model, () -> invoices.issue(user.tenantId(), id, user.actor()));
    }

    @PostMapping("/invoices/{id}/send")
    @PreAuthorize(InvoiceController.FINANCE)
    String send(CurrentUser user, @PathVariable UUID id, Model model) {
        return act(user, id, model, () -> invoices.send(user.tenantId(), id, user.actor()));
    }

    @PostMapping("/invoices/{id}/payments")
    @PreAuthorize(InvoiceController.FINANCE)
    String pay(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) BigDecimal amount,
            @RequestParam(required = false) LocalDate paidOn,
            @RequestParam(required = false) String method,
            @RequestParam(required = false) String reference,
            Model model) {
        return act(
                user,
                id,
                model,
                () -> invoices.pay(user.tenantId(), id, amount, paidOn, method, reference, user.actor()));
    }

    @PostMapping("/invoices/{id}/credit-note")
    @PreAuthorize(InvoiceController.FINANCE)
    String credit(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) String reason, Model model) {
        return act(user, id, model, () -> invoices.creditNote(user.tenantId(), id, reason, user.actor()));
    }

    /** Runs the action; a refusal is shown on the invoice's page with its reason, nothing changed. */
    private String act(CurrentUser user, UUID id, Model model, Runnable action) {
        try {
            action.run();
        } catch (ApiException refused) {
            model.addAttribute("error", refused.getMessage());
            return invoice(user, id, model);
        }
        return "redirect:/invoices/" + id;
    }

    private static boolean canBill(CurrentUser user) {
        return user.role().name().matches("ADMIN|FINANCE");
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
