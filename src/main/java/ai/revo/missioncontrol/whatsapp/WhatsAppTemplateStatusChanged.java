package ai.revo.missioncontrol.whatsapp;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code whatsapp.template_status_changed}: Meta's template status webhook (or a sync) moved a template from
 * {@code before} (null when it was new) to {@code after}.
 */
public record WhatsAppTemplateStatusChanged(
        UUID tenantId, UUID templateId, String name, String language, String before, String after, String reason)
        implements MissionEvent {

    @Override
    public String type() {
        return "whatsapp.template_status_changed";
    }

    @Override
    public EventCategory category() {
        return EventCategory.SYSTEM;
    }

    @Override
    public String entityType() {
        return "whatsapp_template";
    }

    @Override
    public String entityId() {
        return templateId.toString();
    }

    @Override
    public Actor actor() {
        return Actor.system();
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("language", language);
        p.put("before", before);
        p.put("after", after);
        if (reason != null) {
            p.put("reason", reason);
        }
        return p;
    }
}
