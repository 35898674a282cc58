package ai.revo.missioncontrol.notifications;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One notification as a user sees it.
 *
 * @param severity INFO, WARNING or DANGER
 * @param facts what the notification is about (e.g. {@code to}, {@code reason}, {@code agent}, {@code count})
 * @param path the dashboard page where a person acts on it
 * @param read whether this user has read it
 */
public record NotificationView(
        UUID id,
        NotificationKind kind,
        String severity,
        Map<String, Object> facts,
        String path,
        Instant occurredAt,
        boolean read) {}
