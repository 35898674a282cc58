package ai.revo.missioncontrol.whatsapp;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code whatsapp.templates_synced}: the workspace's templates were read from the business account ({@code ok}), or
 * the sync failed with {@code error}. {@code trigger}: MANUAL, HOURLY, WEBHOOK or TEMPLATE_ERROR.
 */
public record WhatsAppTemplatesSynced(
        UUID tenantId, boolean ok, int templates, int approved, int removed, String trigger, String error, Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "whatsapp.templates_synced";
    }

    @Override
    public EventCategory category() {
        return ok ? EventCategory.SYSTEM : EventCategory.ERROR;
    }

    @Override
    public String entityType() {
        return "whatsapp_templates";
    }

    @Override
    public String entityId() {
        return tenantId.toString();
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("ok", ok);
        p.put("templates", templates);
        p.put("approved", approved);
        p.put("removed", removed);
        p.put("trigger", trigger);
        if (error != null) {
            p.put("error", error);
        }
        return p;
    }
}
