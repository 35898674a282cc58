package ai.revo.missioncontrol.whatsapp;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.UUID;

/** {@code whatsapp.campaign_settings_changed}: a campaign's re-engagement template was set or removed. Audited. */
public record WhatsAppCampaignSettingsChanged(
        UUID tenantId,
        UUID campaignId,
        WhatsAppCampaignSettings.View before,
        WhatsAppCampaignSettings.View after,
        Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "whatsapp.campaign_settings_changed";
    }

    @Override
    public EventCategory category() {
        return EventCategory.SYSTEM;
    }

    @Override
    public String entityType() {
        return "campaign";
    }

    @Override
    public String entityId() {
        return campaignId.toString();
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
