package ai.revo.missioncontrol.safety.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.NavigationGroup;
import ai.revo.missioncontrol.platform.NavigationItem;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.safety.Channel;
import ai.revo.missioncontrol.safety.SafetyChange;
import ai.revo.missioncontrol.safety.SafetyManagement;
import java.util.Map;
import java.util.Optional;
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

/** The safety panel: switches (ADMIN changes them, everyone sees them), their history, the suppression list. */
@Controller
@RequestMapping("/safety")
class SafetyPageController {

    private final SafetyManagement safety;

    SafetyPageController(SafetyManagement safety) {
        this.safety = safety;
    }

    @Bean
    static NavigationItem safetyNavigation() {
        return new NavigationItem(NavigationGroup.SETTINGS, "Safety", "/safety", "shield-lock", 700, null);
    }

    @GetMapping
    String page(CurrentUser user, Model model) {
        model.addAttribute("settings", safety.settings(user.tenantId()));
        model.addAttribute("channels", Channel.values());
        model.addAttribute("suppressions", safety.suppressions(user.tenantId(), null, null, new PageQuery(1, 100)));
        return "safety/safety";
    }

    @GetMapping("/panel")
    String panel(CurrentUser user, Model model) {
        model.addAttribute("settings", safety.settings(user.tenantId()));
        model.addAttribute("channels", Channel.values());
        return "safety/safety :: switches";
    }

    /** One switch: {@code setting} is dryRunMode, globalPause or a channel name. */
    @PostMapping("/toggle")
    @PreAuthorize("hasRole('ADMIN')")
    String toggle(CurrentUser user, @RequestParam String setting, @RequestParam boolean enabled, Model model) {
        SafetyChange change = switch (setting) {
            case "dryRunMode" -> new SafetyChange(Optional.of(enabled), Optional.empty(), Map.of());
            case "globalPause" -> new SafetyChange(Optional.empty(), Optional.of(enabled), Map.of());
            default -> new SafetyChange(Optional.empty(), Optional.empty(), Map.of(channel(setting), enabled));
        };
        safety.change(user.tenantId(), change, user.actor());
        return panel(user, model);
    }

    @GetMapping("/suppressions")
    String suppressions(CurrentUser user, Model model) {
        model.addAttribute("suppressions", safety.suppressions(user.tenantId(), null, null, new PageQuery(1, 100)));
        model.addAttribute("channels", Channel.values());
        return "safety/safety :: suppressions";
    }

    @PostMapping("/suppressions")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR', 'CLOSER', 'FINANCE')")
    String suppress(
            CurrentUser user,
            @RequestParam String channel,
            @RequestParam(required = false) String address,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String note,
            Model model) {
        safety.suppress(
                user.tenantId(),
                channel(channel),
                address,
                reason,
                note == null || note.isBlank() ? null : note,
                user.actor());
        return suppressions(user, model);
    }

    @PostMapping("/suppressions/{id}/remove")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR', 'CLOSER', 'FINANCE')")
    String unsuppress(CurrentUser user, @PathVariable UUID id, Model model) {
        safety.unsuppress(user.tenantId(), id, user.actor());
        return suppressions(user, model);
    }

    private static Channel channel(String name) {
        try {
            return Channel.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("channel", "is not a channel");
        }
    }
}
