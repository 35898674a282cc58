package ai.revo.missioncontrol.dashboard;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.notifications.NotificationConditions;
import ai.revo.missioncontrol.notifications.Notifications;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Adds what the layout's shell shows to every full page a signed-in user opens: the sidebar (grouped, current
 * page marked, badges counted), their shell preferences and the bell's unread count. Opening a page is also when
 * the notifications that describe a state are checked (at most once a minute per workspace). Fragments
 * ({@code "template :: fragment"}), redirects and API answers get none of it.
 */
@Configuration(proxyBeanMethods = false)
class ShellModelInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private final SidebarNavigation sidebar;
    private final ShellPreferences preferences;
    private final Notifications notifications;
    private final NotificationConditions conditions;
    private final String publicUrl;

    ShellModelInterceptor(
            SidebarNavigation sidebar,
            ShellPreferences preferences,
            Notifications notifications,
            NotificationConditions conditions,
            @Value("${mc.security.public-url:http://localhost:8080}") String publicUrl) {
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.sidebar = sidebar;
        this.preferences = preferences;
        this.notifications = notifications;
        this.conditions = conditions;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/api/**", "/webjars/**", "/css/**", "/js/**", "/img/**");
    }

    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
        if (view == null || view.getViewName() == null) {
            return;
        }
        String name = view.getViewName();
        if (name.contains("::") || name.startsWith("redirect:") || name.startsWith("forward:")) {
            return;
        }
        CurrentUser user = NavigationAdvice.currentUser();
        if (user == null) {
            view.addObject("navigation", List.of());
            view.addObject("shellPreferences", ShellPreferences.Preferences.DEFAULTS);
            view.addObject("unreadNotifications", 0L);
            return;
        }
        view.addObject("publicUrl", publicUrl);
        view.addObject("navigation", sidebar.sections(user, request.getRequestURI()));
        view.addObject("shellPreferences", preferences.get(user.tenantId(), user.id()));
        conditions.checkSoon(user.tenantId());
        view.addObject("unreadNotifications", notifications.unreadCount(user.tenantId(), user.id()));
    }
}
