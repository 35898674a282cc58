package ai.revo.missioncontrol.notifications.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.notifications.Notifications;
import ai.revo.missioncontrol.platform.PageQuery;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The bell's fragments: its unread count, its list, opening one (marks it read), and marking all read. */
@Controller
class NotificationsPageController {

    static final int LIST_SIZE = 15;

    private final Notifications notifications;

    NotificationsPageController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/shell/notifications")
    String list(CurrentUser user, Model model) {
        model.addAttribute(
                "notifications",
                notifications
                        .list(user.tenantId(), user.id(), false, new PageQuery(1, LIST_SIZE))
                        .data());
        model.addAttribute("unreadNotifications", notifications.unreadCount(user.tenantId(), user.id()));
        return "notifications/fragments :: list";
    }

    @GetMapping("/shell/notifications/count")
    String count(CurrentUser user, Model model) {
        model.addAttribute("unreadNotifications", notifications.unreadCount(user.tenantId(), user.id()));
        return "notifications/fragments :: count";
    }

    /** Marks it read for this user and goes to the page where it is acted on. */
    @PostMapping("/shell/notifications/{id}/open")
    String open(CurrentUser user, @PathVariable UUID id) {
        return "redirect:"
                + notifications.markRead(user.tenantId(), user.id(), id).path();
    }

    @PostMapping("/shell/notifications/read-all")
    String readAll(CurrentUser user, Model model) {
        notifications.markAllRead(user.tenantId(), user.id());
        return list(user, model);
    }
}
