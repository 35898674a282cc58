package ai.revo.missioncontrol.sms.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.NavigationGroup;
import ai.revo.missioncontrol.platform.NavigationItem;
import ai.revo.missioncontrol.sms.SmsSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Settings → SMS (ADMIN): connect the Twilio account, see the webhook URL for Twilio. */
@Controller
@RequestMapping("/settings/sms")
@PreAuthorize("hasRole('ADMIN')")
class SmsSettingsPageController {

    private final SmsSettings settings;

    SmsSettingsPageController(SmsSettings settings) {
        this.settings = settings;
    }

    @Bean
    static NavigationItem smsSettingsNavigation() {
        return new NavigationItem(NavigationGroup.SETTINGS, "SMS", "/settings/sms", "message", 658, "ADMIN");
    }

    @GetMapping
    String page(CurrentUser user, Model model) {
        model.addAttribute("overview", settings.overview(user.tenantId()));
        return "sms/settings";
    }

    @PostMapping
    String save(
            CurrentUser user,
            @RequestParam(required = false) String accountSid,
            @RequestParam(required = false) String authToken,
            @RequestParam(required = false) String messagingServiceSid,
            @RequestParam(required = false) String fromNumber,
            Model model) {
        try {
            settings.connect(
                    user.tenantId(),
                    new SmsSettings.Change(
                            accountSid,
                            authToken == null || authToken.isEmpty() ? null : authToken,
                            messagingServiceSid,
                            fromNumber),
                    user.actor());
            model.addAttribute("outcome", "saved");
        } catch (ApiException e) {
            model.addAttribute("failure", e.getMessage());
            // what the person typed stays in the form (never the token), so fixing one field needs no retyping
            model.addAttribute("typedAccountSid", accountSid);
            model.addAttribute("typedMessagingServiceSid", messagingServiceSid);
            model.addAttribute("typedFromNumber", fromNumber);
        }
        model.addAttribute("overview", settings.overview(user.tenantId()));
        return "sms/settings :: panel";
    }
}
