package ai.revo.missioncontrol.dashboard;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.identity.UserManagement;
import ai.revo.missioncontrol.platform.NavigationItem;

@Controller
class HomeController {

    private final UserManagement users;

    HomeController(UserManagement users) {
        this.users = users;
    }

    @Bean
    static NavigationItem homeNavigation() {
        return new NavigationItem("Home", "/", "home", 0, null);
    }

    @GetMapping("/")
    String home(CurrentUser user, Model model) {
        model.addAttribute("profile", users.get(user.tenantId(), user.id()));
        model.addAttribute("workspace", users.workspace(user.tenantId()));
        return "dashboard/home";
    }
}
