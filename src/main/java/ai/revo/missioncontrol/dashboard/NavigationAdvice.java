package ai.revo.missioncontrol.dashboard;

import ai.revo.missioncontrol.identity.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the sidebar the signed-in user may see (grouped, with the current page marked and the badges of what
 * waits), their shell preferences, and the user, into every page's model.
 */
@ControllerAdvice(annotations = Controller.class)
class NavigationAdvice {

    private final SidebarNavigation sidebar;
    private final ShellPreferences preferences;

    NavigationAdvice(SidebarNavigation sidebar, ShellPreferences preferences) {
        this.sidebar = sidebar;
        this.preferences = preferences;
    }

    @ModelAttribute("navigation")
    List<SidebarNavigation.Section> navigation(HttpServletRequest request) {
        CurrentUser user = currentUser();
        return user == null ? List.of() : sidebar.sections(user, request.getRequestURI());
    }

    @ModelAttribute("shellPreferences")
    ShellPreferences.Preferences shellPreferences() {
        CurrentUser user = currentUser();
        return user == null ? ShellPreferences.Preferences.DEFAULTS : preferences.get(user.tenantId(), user.id());
    }

    @ModelAttribute("me")
    CurrentUser me() {
        return currentUser();
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    private static CurrentUser currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof CurrentUser user ? user : null;
    }
}
