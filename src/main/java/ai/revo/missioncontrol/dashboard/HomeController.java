package ai.revo.missioncontrol.dashboard;

import ai.revo.missioncontrol.agents.Briefs;

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
    private final Briefs briefs;

    HomeController(UserManagement users, Briefs briefs) {
        this.users = users;
        this.briefs = briefs;
    }

    @Bean
    static NavigationItem homeNavigation() {
        return new NavigationItem("Home", "/", "home", 0, null);
    }

    @GetMapping("/")
    String home(CurrentUser user, Model model) {
        model.addAttribute("profile", users.get(user.tenantId(), user.id()));
        model.addAttribute("workspace", users.workspace(user.tenantId()));
        model.addAttribute("brief", briefs.latest(user.tenantId()).orElse(null));
        return "dashboard/home";
    }

    @GetMapping("/home/brief")
    String brief(CurrentUser user, Model model) {
        model.addAttribute("brief", briefs.latest(user.tenantId()).orElse(null));
        return "dashboard/home :: brief";
    }
}
