package ai.revo.missioncontrol.whatsapp;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code whatsapp.blast_queued} (a person started a blast: {@code queued} leads), {@code whatsapp.blast_resumed},
 * {@code whatsapp.blast_paused} (the campaign is not active: {@code reason}) or {@code whatsapp.blast_finished}.
 */
public record WhatsAppBlastChanged(
        UUID tenantId,
        String type,
        UUID blastId,
        UUID campaignId,
        String templateName,
        int queued,
        String reason,
        Actor actor)
        implements MissionEvent {

    @Override
    public EventCategory category() {
        return EventCategory.OUTBOUND;
    }

    @Override
    public String entityType() {
        return "whatsapp_blast";
    }

    @Override
    public String entityId() {
        return blastId.toString();
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("templateName", templateName);
        p.put("queued", queued);
        if (reason != null) {
            p.put("reason", reason);
        }
        return p;
    }
}
