package ai.revo.missioncontrol.whatsapp.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.NavigationGroup;
import ai.revo.missioncontrol.platform.NavigationItem;
import ai.revo.missioncontrol.whatsapp.WhatsAppSettings;
import ai.revo.missioncontrol.whatsapp.WhatsAppTemplates;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Settings → WhatsApp (ADMIN): connect the number, see the webhook URL for Meta, test the connection. */
@Controller
@RequestMapping("/settings/whatsapp")
@PreAuthorize("hasRole('ADMIN')")
class WhatsAppSettingsPageController {

    private final WhatsAppSettings settings;
    private final WhatsAppTemplates templates;

    WhatsAppSettingsPageController(WhatsAppSettings settings, WhatsAppTemplates templates) {
        this.settings = settings;
        this.templates = templates;
    }

    @Bean
    static NavigationItem whatsappSettingsNavigation() {
        return new NavigationItem(
                NavigationGroup.SETTINGS, "WhatsApp", "/settings/whatsapp", "brand-whatsapp", 657, "ADMIN");
    }

    @GetMapping
    String page(CurrentUser user, Model model) {
        model.addAttribute("overview", settings.overview(user.tenantId()));
        model.addAttribute("templates", templates.list(user.tenantId(), false));
        return "whatsapp/settings";
    }

    @PostMapping
    String save(
            CurrentUser user,
            @RequestParam(required = false) String phoneNumberId,
            @RequestParam(required = false) String businessAccountId,
            @RequestParam(required = false) String displayNumber,
            @RequestParam(required = false) String accessToken,
            @RequestParam(required = false) String appSecret,
            @RequestParam(required = false) String verifyToken,
            @RequestParam(required = false) UUID campaignId,
            @RequestParam(required = false) String stopKeywords,
            @RequestParam(required = false) BigDecimal sentimentThreshold,
            Model model) {
        try {
            settings.connect(
                    user.tenantId(),
                    new WhatsAppSettings.Change(
                            phoneNumberId,
                            businessAccountId,
                            displayNumber,
                            emptyToNull(accessToken),
                            emptyToNull(appSecret),
                            emptyToNull(verifyToken),
                            campaignId,
                            stopKeywords == null ? null : words(stopKeywords),
                            sentimentThreshold,
                            null),
                    user.actor());
            model.addAttribute("outcome", "saved");
        } catch (ApiException e) {
            model.addAttribute("failure", e.getMessage());
        }
        model.addAttribute("overview", settings.overview(user.tenantId()));
        model.addAttribute("templates", templates.list(user.tenantId(), false));
        return "whatsapp/settings :: panel";
    }

    @PostMapping("/test")
    String test(CurrentUser user, Model model) {
        try {
            model.addAttribute("check", settings.testConnection(user.tenantId(), user.actor()));
        } catch (ApiException e) {
            model.addAttribute("failure", e.getMessage());
        }
        model.addAttribute("overview", settings.overview(user.tenantId()));
        model.addAttribute("templates", templates.list(user.tenantId(), false));
        return "whatsapp/settings :: panel";
    }

    @PostMapping("/templates/sync")
    String syncTemplates(CurrentUser user, Model model) {
        try {
            model.addAttribute("sync", templates.sync(user.tenantId(), "MANUAL", user.actor()));
        } catch (ApiException e) {
            model.addAttribute("failure", e.getMessage());
        }
        model.addAttribute("overview", settings.overview(user.tenantId()));
        model.addAttribute("templates", templates.list(user.tenantId(), false));
        return "whatsapp/settings :: panel";
    }

    private static List<String> words(String csv) {
        return Arrays.stream(csv.split("[,\\s]+")).filter(w -> !w.isBlank()).toList();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
