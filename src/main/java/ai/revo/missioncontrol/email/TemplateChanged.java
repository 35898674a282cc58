package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code template.created}, {@code template.updated} or {@code template.deleted}, with the template before and after. */
public record TemplateChanged(
        UUID tenantId,
        String type,
        UUID templateId,
        String title,
        Map<String, Object> before,
        Map<String, Object> after,
        Actor actor)
        implements MissionEvent {

    public static final String CREATED = "template.created";
    public static final String UPDATED = "template.updated";
    public static final String DELETED = "template.deleted";

    @Override
    public EventCategory category() {
        return EventCategory.SYSTEM;
    }

    @Override
    public String entityType() {
        return "template";
    }

    @Override
    public String entityId() {
        return templateId.toString();
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("title", title);
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
