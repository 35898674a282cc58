package ai.revo.missioncontrol.dashboard;

import ai.revo.missioncontrol.identity.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the signed-in user and the current path into every page's model. What only the full layout needs (the
 * sidebar with its badges, the bell's count, the shell preferences) is added by {@link ShellModelInterceptor} for
 * full pages only, so API calls and htmx fragments do not pay for it.
 */
@ControllerAdvice(annotations = Controller.class)
class NavigationAdvice {

    @ModelAttribute("me")
    CurrentUser me() {
        return currentUser();
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    static CurrentUser currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof CurrentUser user ? user : null;
    }
}
