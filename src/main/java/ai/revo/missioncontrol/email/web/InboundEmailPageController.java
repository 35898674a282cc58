package ai.revo.missioncontrol.email.web;

import ai.revo.missioncontrol.email.InboundEmail;
import ai.revo.missioncontrol.email.InboundMailbox;
import ai.revo.missioncontrol.email.ResendInbound;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.NavigationGroup;
import ai.revo.missioncontrol.platform.NavigationItem;
import ai.revo.missioncontrol.platform.PageQuery;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Settings → Inbound email (ADMIN): connect Postmark inbound (its webhook URL with the credential, shown once) or
 * Resend (signing secret and API key), disconnect either, and the received mail with what each message became, the
 * unmatched (IGNORED) ones first to look at. The same facades as the API.
 */
@Controller
@RequestMapping("/settings/inbound-email")
@PreAuthorize("hasRole('ADMIN')")
class InboundEmailPageController {

    private final InboundEmail inbound;
    private final ResendInbound resend;
    private final InboundMailbox mailbox;

    InboundEmailPageController(InboundEmail inbound, ResendInbound resend, InboundMailbox mailbox) {
        this.inbound = inbound;
        this.resend = resend;
        this.mailbox = mailbox;
    }

    @Bean
    static NavigationItem inboundEmailNavigation() {
        return new NavigationItem(
                NavigationGroup.SETTINGS, "Inbound email", "/settings/inbound-email", "mail-down", 656, "ADMIN");
    }

    @GetMapping
    String page(
            CurrentUser user,
            @RequestParam(required = false) InboundMailbox.Status status,
            @RequestParam(required = false) Integer page,
            Model model) {
        connections(user, model);
        messages(user, status, page, model);
        return "email/inbound";
    }

    @PostMapping("/postmark")
    String connectPostmark(CurrentUser user, Model model) {
        model.addAttribute("credentials", inbound.connectPostmark(user.tenantId(), user.actor()));
        model.addAttribute(
                "outcome", "Postmark inbound is on. Copy the webhook URL now: its password is not shown again.");
        return connections(user, model);
    }

    @PostMapping("/postmark/disconnect")
    String disconnectPostmark(CurrentUser user, Model model) {
        try {
            inbound.disconnect(user.tenantId(), user.actor());
            model.addAttribute("outcome", "Postmark inbound is off: its webhook URL is refused from now on.");
        } catch (ApiException e) {
            model.addAttribute("failure", e.getMessage());
        }
        return connections(user, model);
    }

    @PostMapping("/resend")
    String configureResend(
            CurrentUser user,
            @RequestParam(required = false) String webhookSecret,
            @RequestParam(required = false) String apiKey,
            Model model) {
        try {
            // an empty field keeps the stored value
            resend.configure(
                    user.tenantId(), new ResendInbound.Change(blank(webhookSecret), blank(apiKey)), user.actor());
            model.addAttribute("outcome", "Resend saved.");
        } catch (ApiException e) {
            model.addAttribute("failure", e.getMessage());
        }
        return connections(user, model);
    }

    @PostMapping("/resend/disconnect")
    String disconnectResend(CurrentUser user, Model model) {
        try {
            resend.disconnect(user.tenantId(), user.actor());
            model.addAttribute("outcome", "Resend disconnected: its webhook URL is refused from now on.");
        } catch (ApiException e) {
            model.addAttribute("failure", e.getMessage());
        }
        return connections(user, model);
    }

    @GetMapping("/messages")
    String messages(
            CurrentUser user,
            @RequestParam(required = false) InboundMailbox.Status status,
            @RequestParam(required = false) Integer page,
            Model model) {
        model.addAttribute("statusFilter", status);
        model.addAttribute("statuses", InboundMailbox.Status.values());
        model.addAttribute("counts", mailbox.counts(user.tenantId()));
        model.addAttribute("received", mailbox.list(user.tenantId(), status, new PageQuery(page, 25)));
        return "email/inbound :: messages";
    }

    private String connections(CurrentUser user, Model model) {
        model.addAttribute("postmark", inbound.settings(user.tenantId()));
        model.addAttribute("resend", resend.settings(user.tenantId()));
        return "email/inbound :: connections";
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
