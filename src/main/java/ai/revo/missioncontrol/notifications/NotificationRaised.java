package ai.revo.missioncontrol.notifications;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.Map;
import java.util.UUID;

/** {@code notification.raised}: something now needs a person; open bells refresh on it. */
public record NotificationRaised(UUID tenantId, UUID notificationId, NotificationKind kind, String path)
        implements MissionEvent {

    @Override
    public String type() {
        return "notification.raised";
    }

    @Override
    public EventCategory category() {
        return EventCategory.SYSTEM;
    }

    @Override
    public String entityType() {
        return "notification";
    }

    @Override
    public String entityId() {
        return notificationId.toString();
    }

    @Override
    public Actor actor() {
        return Actor.system();
    }

    @Override
    public Map<String, Object> payload() {
        return Map.of("kind", kind.name(), "path", path);
    }
}
