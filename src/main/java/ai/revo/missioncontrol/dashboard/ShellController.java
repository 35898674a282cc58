package ai.revo.missioncontrol.dashboard;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.ApiException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The shell's own fragments: the sidebar re-rendered when live events change its badges, and its preferences. */
@Controller
class ShellController {

    private final SidebarNavigation sidebar;
    private final ShellPreferences preferences;

    ShellController(SidebarNavigation sidebar, ShellPreferences preferences) {
        this.sidebar = sidebar;
        this.preferences = preferences;
    }

    /** The sidebar's entries for the page at {@code path} (marks it current), with fresh badge counts. */
    @GetMapping("/shell/nav")
    String nav(CurrentUser user, @RequestParam(defaultValue = "/") String path, Model model) {
        model.addAttribute("navigation", sidebar.sections(user, path));
        model.addAttribute("currentPath", path);
        return "layout :: sidebar-nav";
    }

    /** Open to every role, VIEWER included: it changes only how this user's own sidebar looks. */
    @PostMapping("/shell/preferences")
    ResponseEntity<Void> save(CurrentUser user, @RequestParam String sidebarCollapsed) {
        preferences.setSidebarCollapsed(user.tenantId(), user.id(), parse(sidebarCollapsed));
        return ResponseEntity.noContent().build();
    }

    static boolean parse(String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.invalidField("sidebarCollapsed", "must be true or false");
        };
    }
}
