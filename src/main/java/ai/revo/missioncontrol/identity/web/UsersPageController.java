package ai.revo.missioncontrol.identity.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.identity.NewUser;
import ai.revo.missioncontrol.identity.Role;
import ai.revo.missioncontrol.identity.UserId;
import ai.revo.missioncontrol.identity.UserManagement;
import ai.revo.missioncontrol.platform.NavigationGroup;
import ai.revo.missioncontrol.platform.NavigationItem;
import ai.revo.missioncontrol.platform.PageQuery;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The admin's Users page: list, invite, change role, deactivate and reactivate. */
@Controller
@RequestMapping("/users")
@PreAuthorize("hasRole('ADMIN')")
class UsersPageController {

    private final UserManagement users;

    UsersPageController(UserManagement users) {
        this.users = users;
    }

    @Bean
    static NavigationItem usersNavigation() {
        return new NavigationItem(NavigationGroup.SETTINGS, "Users", "/users", "users", 900, "ADMIN");
    }

    @GetMapping
    String list(CurrentUser user, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("users", users.list(user.tenantId(), new PageQuery(page, 50)));
        model.addAttribute("roles", Role.values());
        return "identity/users";
    }

    @PostMapping
    String invite(
            CurrentUser user,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) Role role,
            @RequestParam(required = false) String password,
            Model model) {
        NewUser added = users.add(
                user.tenantId(), user.actor(), email, role, password == null || password.isEmpty() ? null : password);
        model.addAttribute("added", added);
        model.addAttribute("users", users.list(user.tenantId(), new PageQuery(1, 50)));
        model.addAttribute("roles", Role.values());
        return "identity/users :: users-panel";
    }

    @PostMapping("/{id}/role")
    String changeRole(CurrentUser user, @PathVariable UserId id, @RequestParam Role role, Model model) {
        return row(users.update(user.tenantId(), id, Optional.of(role), Optional.empty(), user.actor()), model);
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(CurrentUser user, @PathVariable UserId id, Model model) {
        return row(users.update(user.tenantId(), id, Optional.empty(), Optional.of(false), user.actor()), model);
    }

    @PostMapping("/{id}/activate")
    String activate(CurrentUser user, @PathVariable UserId id, Model model) {
        return row(users.update(user.tenantId(), id, Optional.empty(), Optional.of(true), user.actor()), model);
    }

    private String row(Object view, Model model) {
        model.addAttribute("u", view);
        model.addAttribute("roles", Role.values());
        return "identity/user-row :: user-row";
    }
}
