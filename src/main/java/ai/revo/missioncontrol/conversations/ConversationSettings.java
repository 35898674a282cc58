package ai.revo.missioncontrol.conversations;

import ai.revo.missioncontrol.campaigns.CampaignManagement;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each campaign's conversation settings; a campaign without a row has the defaults (auto-reply off). */
@Service
public class ConversationSettings {

    private final JdbcClient jdbc;
    private final CampaignManagement campaigns;
    private final ApplicationEventPublisher events;

    ConversationSettings(JdbcClient jdbc, CampaignManagement campaigns, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.events = events;
    }

    /** The campaign's settings. 404 for a campaign of another workspace or none. */
    @Transactional(readOnly = true)
    public ConversationSettingsView get(TenantId tenant, UUID campaignId) {
        campaigns.get(tenant, campaignId);
        return read(tenant, campaignId);
    }

    /** Changes what is given ({@code autoReply} null keeps it); audited. 400 without a change, 404 unknown campaign. */
    @Transactional
    public ConversationSettingsView change(TenantId tenant, UUID campaignId, Boolean autoReply, Actor actor) {
        if (autoReply == null) {
            throw ApiException.invalidField("autoReply", "is required");
        }
        campaigns.get(tenant, campaignId);
        ConversationSettingsView before = read(tenant, campaignId);
        jdbc.sql("""
                insert into conversation_campaign_settings (tenant_id, campaign_id, auto_reply) values (?, ?, ?)
                on conflict (tenant_id, campaign_id) do update set auto_reply = excluded.auto_reply,
                    version = conversation_campaign_settings.version + 1, updated_at = now()""").params(tenant.value(), campaignId, autoReply).update();
        ConversationSettingsView after = read(tenant, campaignId);
        if (before.autoReply() != after.autoReply()) {
            events.publishEvent(new ConversationSettingsChanged(tenant.value(), campaignId, before, after, actor));
        }
        return after;
    }

    private ConversationSettingsView read(TenantId tenant, UUID campaignId) {
        boolean autoReply = jdbc.sql("select auto_reply from conversation_campaign_settings where tenant_id = ? "
                        + "and campaign_id = ?")
                .params(tenant.value(), campaignId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
        return new ConversationSettingsView(campaignId, autoReply);
    }
}
