package ai.revo.missioncontrol.dashboard;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.identity.WorkspaceSettings;
import ai.revo.missioncontrol.outbound.ChannelStatuses;
import ai.revo.missioncontrol.platform.NavigationGroup;
import ai.revo.missioncontrol.platform.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The Settings area's overview: the workspace, where each setting lives, the public address check, and the
 * channels with their real status (the same answer the outbound gateway would give).
 */
@Controller
class SettingsController {

    private final WorkspaceSettings workspace;
    private final ChannelStatuses channels;

    SettingsController(WorkspaceSettings workspace, ChannelStatuses channels) {
        this.workspace = workspace;
        this.channels = channels;
    }

    @Bean
    static NavigationItem settingsNavigation() {
        return new NavigationItem(NavigationGroup.SETTINGS, "Workspace", "/settings", "settings", 650, null);
    }

    @Bean
    static NavigationItem channelsNavigation() {
        return new NavigationItem(
                NavigationGroup.SETTINGS, "Channels", "/settings/channels", "plug-connected", 660, null);
    }

    @GetMapping("/settings")
    String settings(CurrentUser user, Model model) {
        model.addAttribute("settings", workspace.view(user.tenantId()));
        model.addAttribute("timeZones", WorkspaceSettings.timeZones());
        model.addAttribute("phoneRegions", WorkspaceSettings.phoneRegions());
        return "dashboard/settings";
    }

    @GetMapping("/settings/channels")
    String channels(CurrentUser user, Model model) {
        model.addAttribute("channels", channels.all(user.tenantId()));
        return "dashboard/channels";
    }
}
