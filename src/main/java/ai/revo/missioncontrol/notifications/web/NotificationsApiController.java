package ai.revo.missioncontrol.notifications.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.notifications.NotificationConditions;
import ai.revo.missioncontrol.notifications.NotificationView;
import ai.revo.missioncontrol.notifications.Notifications;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's notifications: every role, VIEWER included (reading marks only their own state). */
@RestController
class NotificationsApiController {

    private final Notifications notifications;
    private final NotificationConditions conditions;

    NotificationsApiController(Notifications notifications, NotificationConditions conditions) {
        this.notifications = notifications;
        this.conditions = conditions;
    }

    @GetMapping("/api/v1/me/notifications")
    PageResult<NotificationView> list(
            CurrentUser user,
            @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        PageQuery query = new PageQuery(page, limit);
        conditions.checkSoon(user.tenantId());
        return notifications.list(user.tenantId(), user.id(), unread, query);
    }

    @GetMapping("/api/v1/me/notifications/unread-count")
    Map<String, Long> unreadCount(CurrentUser user) {
        conditions.checkSoon(user.tenantId());
        return Map.of("unread", notifications.unreadCount(user.tenantId(), user.id()));
    }

    @PostMapping("/api/v1/me/notifications/{id}/read")
    NotificationView read(CurrentUser user, @PathVariable UUID id) {
        return notifications.markRead(user.tenantId(), user.id(), id);
    }

    @PostMapping("/api/v1/me/notifications/read-all")
    Map<String, Integer> readAll(CurrentUser user) {
        return Map.of("marked", notifications.markAllRead(user.tenantId(), user.id()));
    }
}
