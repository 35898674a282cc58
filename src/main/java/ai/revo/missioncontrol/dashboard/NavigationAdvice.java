package ai.revo.missioncontrol.dashboard;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.NavigationItem;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the navigation the signed-in user may see, and the user, into every page's model. */
@ControllerAdvice(annotations = Controller.class)
class NavigationAdvice {

    private final List<NavigationItem> items;

    NavigationAdvice(List<NavigationItem> items) {
        this.items = items.stream()
                .sorted(Comparator.comparingInt(NavigationItem::order))
                .toList();
    }

    @ModelAttribute("navigation")
    List<NavigationItem> navigation() {
        CurrentUser user = currentUser();
        if (user == null) {
            return List.of();
        }
        return items.stream()
                .filter(i -> i.requiredRole() == null
                        || i.requiredRole().equals(user.role().name()))
                .toList();
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
