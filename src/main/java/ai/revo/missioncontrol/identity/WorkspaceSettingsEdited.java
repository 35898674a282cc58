package ai.revo.missioncontrol.identity;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code workspace.settings_edited}: an admin renamed the workspace or set its time zone or default phone region.
 * Published in the transaction that changed it.
 */
public record WorkspaceSettingsEdited(UUID tenantId, WorkspaceView before, WorkspaceView after, Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "workspace.settings_edited";
    }

    @Override
    public EventCategory category() {
        return EventCategory.SYSTEM;
    }

    @Override
    public String entityType() {
        return "workspace";
    }

    @Override
    public String entityId() {
        return tenantId.toString();
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> changed = new LinkedHashMap<>();
        if (!before.name().equals(after.name())) {
            changed.put("name", after.name());
        }
        if (!before.timeZone().equals(after.timeZone())) {
            changed.put("timeZone", after.timeZone());
        }
        if (!before.defaultRegion().equals(after.defaultRegion())) {
            changed.put("phoneRegion", after.defaultRegion());
        }
        return changed;
    }

    @Override
    public Object auditBefore() {
        return describe(before);
    }

    @Override
    public Object auditAfter() {
        return describe(after);
    }

    private static Map<String, Object> describe(WorkspaceView w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", w.name());
        m.put("timeZone", w.timeZone());
        m.put("phoneRegion", w.defaultRegion());
        return m;
    }
}
