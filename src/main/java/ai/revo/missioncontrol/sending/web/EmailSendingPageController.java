package ai.revo.missioncontrol.sending.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.NavigationGroup;
import ai.revo.missioncontrol.platform.NavigationItem;
import ai.revo.missioncontrol.sending.EmailSendingSettings;
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

/** Settings → Email sending (ADMIN): the own SMTP relay, sender identities and the test email, with htmx. */
@Controller
@RequestMapping("/settings/email")
@PreAuthorize("hasRole('ADMIN')")
class EmailSendingPageController {

    private final EmailSendingSettings settings;

    EmailSendingPageController(EmailSendingSettings settings) {
        this.settings = settings;
    }

    @Bean
    static NavigationItem emailSendingNavigation() {
        return new NavigationItem(
                NavigationGroup.SETTINGS, "Email sending", "/settings/email", "mail-cog", 655, "ADMIN");
    }

    @GetMapping
    String page(CurrentUser user, Model model) {
        model.addAttribute("overview", settings.overview(user.tenantId()));
        return "sending/email";
    }

    @PostMapping("/relay")
    String setRelay(
            CurrentUser user,
            @RequestParam(required = false) String host,
            @RequestParam(required = false) Integer port,
            @RequestParam(required = false) String username,
            @RequestParam(required = false) String password,
            @RequestParam(defaultValue = "false") boolean startTls,
            @RequestParam(defaultValue = "false") boolean clearPassword,
            Model model) {
        // an empty password field keeps the stored one; "clear" removes it
        String change = clearPassword ? "" : password == null || password.isEmpty() ? null : password;
        settings.setRelay(
                user.tenantId(),
                new EmailSendingSettings.RelayChange(host, port, username, change, startTls),
                user.actor());
        return panel(user, model, "relaySaved");
    }

    @PostMapping("/relay/remove")
    String removeRelay(CurrentUser user, Model model) {
        settings.removeRelay(user.tenantId(), user.actor());
        return panel(user, model, "relayRemoved");
    }

    @PostMapping("/identities")
    String addIdentity(
            CurrentUser user,
            @RequestParam(required = false) String displayName,
            @RequestParam(required = false) String address,
            @RequestParam(required = false) String replyTo,
            @RequestParam(required = false) String signature,
            @RequestParam(defaultValue = "false") boolean isDefault,
            Model model) {
        settings.addIdentity(
                user.tenantId(),
                new EmailSendingSettings.IdentityChange(displayName, address, replyTo, signature, isDefault),
                user.actor());
        return panel(user, model, "identityAdded");
    }

    @PostMapping("/identities/{id}/default")
    String makeDefault(CurrentUser user, @PathVariable UUID id, Model model) {
        settings.makeDefault(user.tenantId(), id, user.actor());
        return panel(user, model, "identitySaved");
    }

    @PostMapping("/identities/{id}/remove")
    String removeIdentity(CurrentUser user, @PathVariable UUID id, Model model) {
        settings.removeIdentity(user.tenantId(), id, user.actor());
        return panel(user, model, "identityRemoved");
    }

    @PostMapping("/test")
    String test(CurrentUser user, Model model) {
        model.addAttribute("result", settings.sendTest(user.tenantId(), user.email(), user.actor()));
        return "sending/email :: test-result";
    }

    private String panel(CurrentUser user, Model model, String outcome) {
        model.addAttribute("overview", settings.overview(user.tenantId()));
        model.addAttribute("outcome", outcome);
        return "sending/email :: panel";
    }
}
