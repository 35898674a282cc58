package ai.revo.missioncontrol.email.web;

import ai.revo.missioncontrol.email.EmailSending;
import ai.revo.missioncontrol.email.EmailStatus;
import ai.revo.missioncontrol.email.Emails;
import ai.revo.missioncontrol.email.UncertainEmails;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.NavigationGroup;
import ai.revo.missioncontrol.platform.NavigationItem;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.safety.SafetyManagement;
import jakarta.servlet.http.HttpServletResponse;
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

/** The emails page: every email with its status, filters, and one email's history and delivery attempts. */
@Controller
@RequestMapping("/emails")
class EmailsPageController {

    private final Emails emails;
    private final EmailSending sending;
    private final SafetyManagement safety;
    private final UncertainEmails uncertain;

    EmailsPageController(Emails emails, EmailSending sending, SafetyManagement safety, UncertainEmails uncertain) {
        this.emails = emails;
        this.sending = sending;
        this.safety = safety;
        this.uncertain = uncertain;
    }

    @Bean
    static NavigationItem emailsNavigation() {
        return new NavigationItem(NavigationGroup.WATCH, "Emails", "/emails", "mail", 590, null);
    }

    @GetMapping
    String page(
            CurrentUser user,
            @RequestParam(required = false) EmailStatus status,
            @RequestParam(required = false) UUID campaignId,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        model.addAttribute("emails", emails.list(user.tenantId(), status, campaignId, q, new PageQuery(page, 50)));
        model.addAttribute("status", status);
        model.addAttribute("campaignId", campaignId);
        model.addAttribute("q", q);
        model.addAttribute("statuses", EmailStatus.values());
        return htmx != null ? "email/emails :: list" : "email/emails";
    }

    @GetMapping("/{id}")
    String detail(CurrentUser user, @PathVariable UUID id, Model model) {
        model.addAttribute("email", emails.detail(user.tenantId(), id));
        model.addAttribute("realSend", sending.realSendOf(user.tenantId(), id).orElse(null));
        model.addAttribute("dryRun", safety.settings(user.tenantId()).dryRunMode());
        model.addAttribute("canSend", user.role().name().matches("ADMIN|OPERATOR|CLOSER"));
        return "email/email";
    }

    /** Sends a simulated email for real (after the page's confirmation) and opens the real one. */
    @PostMapping("/{id}/send-for-real")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR', 'CLOSER')")
    String sendForReal(CurrentUser user, @PathVariable UUID id, Model model, HttpServletResponse response) {
        try {
            return "redirect:/emails/"
                    + sending.sendForReal(user.tenantId(), id, user.actor()).id() + "?sentForReal";
        } catch (ApiException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            response.setStatus(e.status().value());
            model.addAttribute("sendForRealError", e.getMessage());
            return detail(user, id, model);
        }
    }

    /** An UNKNOWN email: a person states it arrived. The page reloads with the new status. */
    @PostMapping("/{id}/mark-sent")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    String markSent(CurrentUser user, @PathVariable UUID id, Model model, HttpServletResponse response) {
        uncertain.markSent(user.tenantId(), id, user.actor());
        response.setHeader("HX-Refresh", "true");
        return detail(user, id, model);
    }

    /** An UNKNOWN email: a person sends it again (its next attempt is queued). The page reloads. */
    @PostMapping("/{id}/send-again")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    String sendAgain(CurrentUser user, @PathVariable UUID id, Model model, HttpServletResponse response) {
        uncertain.sendAgain(user.tenantId(), id, user.actor());
        response.setHeader("HX-Refresh", "true");
        return detail(user, id, model);
    }
}
