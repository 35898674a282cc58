package ai.revo.missioncontrol.ai;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code prompt.updated} (a new active version) or {@code prompt.activated} (an older version made active again),
 * with the active version before and after.
 */
public record PromptChanged(
        UUID tenantId,
        String type,
        String key,
        int fromVersion,
        int toVersion,
        Map<String, Object> before,
        Map<String, Object> after,
        Actor actor)
        implements MissionEvent {

    public static final String UPDATED = "prompt.updated";
    public static final String ACTIVATED = "prompt.activated";

    @Override
    public EventCategory category() {
        return EventCategory.SYSTEM;
    }

    @Override
    public String entityType() {
        return "prompt";
    }

    @Override
    public String entityId() {
        return key;
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("key", key);
        p.put("fromVersion", fromVersion);
        p.put("toVersion", toVersion);
        return p;
    }

    @Override
    public Object auditBefore() {
        return before;
    }

    @Override
    public Object auditAfter() {
        return after;
    }
}
