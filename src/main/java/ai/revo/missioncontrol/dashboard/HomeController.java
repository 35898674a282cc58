package ai.revo.missioncontrol.dashboard;

import ai.revo.missioncontrol.agents.Briefs;
import ai.revo.missioncontrol.email.EmailFigures;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.identity.UserManagement;
import ai.revo.missioncontrol.platform.NavigationGroup;
import ai.revo.missioncontrol.platform.NavigationItem;
import ai.revo.missioncontrol.revenue.RevenueSummary;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private final UserManagement users;
    private final Briefs briefs;
    private final EmailFigures emailFigures;
    private final Cockpit cockpit;
    private final RevenueSummary revenue;

    HomeController(
            UserManagement users, Briefs briefs, EmailFigures emailFigures, Cockpit cockpit, RevenueSummary revenue) {
        this.users = users;
        this.briefs = briefs;
        this.emailFigures = emailFigures;
        this.cockpit = cockpit;
        this.revenue = revenue;
    }

    @Bean
    static NavigationItem homeNavigation() {
        return new NavigationItem(NavigationGroup.HOME, "Home", "/", "home", 0, null);
    }

    @GetMapping("/")
    String home(CurrentUser user, Model model) {
        model.addAttribute("profile", users.get(user.tenantId(), user.id()));
        model.addAttribute("workspace", users.workspace(user.tenantId()));
        model.addAttribute("brief", briefs.latest(user.tenantId()).orElse(null));
        emailFigures(user, model);
        model.addAttribute("cockpit", cockpit.of(user.tenantId()));
        model.addAttribute("revenue", revenue.of(user.tenantId()));
        return "dashboard/home";
    }

    /** The revenue figures again, when a deal or an invoice changed. */
    @GetMapping("/home/revenue")
    String revenue(CurrentUser user, Model model) {
        model.addAttribute("revenue", revenue.of(user.tenantId()));
        return "dashboard/home :: revenue";
    }

    /** The cockpit again, when live events say its figures moved. */
    @GetMapping("/home/cockpit")
    String cockpit(CurrentUser user, Model model) {
        model.addAttribute("cockpit", cockpit.of(user.tenantId()));
        return "dashboard/home :: cockpit";
    }

    @GetMapping("/home/email")
    String email(CurrentUser user, Model model) {
        emailFigures(user, model);
        return "dashboard/home :: email-figures";
    }

    private void emailFigures(CurrentUser user, Model model) {
        model.addAttribute("emailStats", emailFigures.stats(user.tenantId()));
        model.addAttribute("emailTimeline", emailFigures.timeline(user.tenantId(), 14));
        model.addAttribute("emailMomentum", emailFigures.momentum(user.tenantId()));
    }

    @GetMapping("/home/brief")
    String brief(CurrentUser user, Model model) {
        model.addAttribute("brief", briefs.latest(user.tenantId()).orElse(null));
        return "dashboard/home :: brief";
    }
}
