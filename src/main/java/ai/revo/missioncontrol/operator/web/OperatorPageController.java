package ai.revo.missioncontrol.operator.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.identity.UserId;
import ai.revo.missioncontrol.operator.InstallationSettings;
import ai.revo.missioncontrol.operator.OperatorConsole;
import ai.revo.missioncontrol.operator.WorkspaceRow;
import ai.revo.missioncontrol.platform.NavigationGroup;
import ai.revo.missioncontrol.platform.NavigationItem;
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

/** The operator console page: workspaces and their standing, the installation's settings, the operators. */
@Controller
@RequestMapping("/operator")
@PreAuthorize("hasRole('INSTANCE_OPERATOR')")
class OperatorPageController {

    private final OperatorConsole console;
    private final InstallationSettings settings;

    OperatorPageController(OperatorConsole console, InstallationSettings settings) {
        this.console = console;
        this.settings = settings;
    }

    @Bean
    static NavigationItem operatorNavigation() {
        return new NavigationItem(
                NavigationGroup.SETTINGS,
                "Operator console",
                "/operator",
                "building-lighthouse",
                990,
                "INSTANCE_OPERATOR");
    }

    @GetMapping
    String page(CurrentUser user, Model model) {
        model.addAttribute("workspaces", console.workspaces(user));
        model.addAttribute("operators", console.operators(user));
        model.addAttribute("installation", settings.snapshot());
        return "operator/console";
    }

    @PostMapping("/workspaces/{id}/{action}")
    String act(CurrentUser user, @PathVariable UUID id, @PathVariable String action, Model model) {
        WorkspaceRow row = switch (action) {
            case "suspend" -> console.suspend(user, id);
            case "reinstate" -> console.reinstate(user, id);
            case "approve-outbound" -> console.approveOutbound(user, id);
            case "sandbox" -> console.sandbox(user, id);
            default -> throw ai.revo.missioncontrol.platform.ApiException.notFound("Action", action);
        };
        model.addAttribute("w", row);
        return "operator/console :: workspace-row";
    }

    @PostMapping("/workspaces/{id}/limits")
    String limits(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) Integer hourlySendLimit,
            @RequestParam(required = false) Integer dailySendLimit,
            @RequestParam(required = false) Integer llmDailyRequests,
            @RequestParam(required = false) Long llmDailyTokens,
            Model model) {
        model.addAttribute(
                "w",
                console.setLimits(
                        user,
                        id,
                        new WorkspaceRow.Limits(hourlySendLimit, dailySendLimit, llmDailyRequests, llmDailyTokens)));
        return "operator/console :: workspace-row";
    }

    @PostMapping("/operators")
    String name(CurrentUser user, @RequestParam(required = false) String email) {
        console.nameOperator(user, email);
        return "redirect:/operator";
    }

    @PostMapping("/operators/{userId}/remove")
    String remove(CurrentUser user, @PathVariable UserId userId) {
        console.removeOperator(user, userId);
        return "redirect:/operator";
    }
}
