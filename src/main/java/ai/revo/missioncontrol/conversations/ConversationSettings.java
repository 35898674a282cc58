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

/** Each campaign's conversation settings; a campaign without a row has the defaults (auto-reply off on every channel). */
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

    /** As {@link #change(TenantId, UUID, Boolean, Integer, Boolean, Actor)}, the (WhatsApp) auto-reply only. */
    @Transactional
    public ConversationSettingsView change(TenantId tenant, UUID campaignId, Boolean autoReply, Actor actor) {
        return change(tenant, campaignId, autoReply, null, null, actor);
    }

    /** As {@link #change(TenantId, UUID, Boolean, Integer, Boolean, Actor)}, keeping the SMS auto-reply. */
    @Transactional
    public ConversationSettingsView change(
            TenantId tenant, UUID campaignId, Boolean autoReply, Integer snoozeDays, Actor actor) {
        return change(tenant, campaignId, autoReply, snoozeDays, null, actor);
    }

    /**
     * Changes what is given ({@code autoReply}, {@code snoozeDays}, {@code smsAutoReply}: null keeps it); audited.
     * 400 without a change or for snooze days outside 1 to 365, 404 unknown campaign.
     */
    @Transactional
    public ConversationSettingsView change(
            TenantId tenant,
            UUID campaignId,
            Boolean autoReply,
            Integer snoozeDays,
            Boolean smsAutoReply,
            Actor actor) {
        if (autoReply == null && snoozeDays == null && smsAutoReply == null) {
            throw ApiException.invalidField("autoReply", "is required (or snoozeDays, smsAutoReply)");
        }
        if (snoozeDays != null && (snoozeDays < 1 || snoozeDays > 365)) {
            throw ApiException.invalidField("snoozeDays", "must be between 1 and 365");
        }
        campaigns.get(tenant, campaignId);
        ConversationSettingsView before = read(tenant, campaignId);
        boolean auto = autoReply == null ? before.autoReply() : autoReply;
        int days = snoozeDays == null ? before.snoozeDays() : snoozeDays;
        boolean sms = smsAutoReply == null ? before.smsAutoReply() : smsAutoReply;
        jdbc.sql("""
                insert into conversation_campaign_settings (tenant_id, campaign_id, auto_reply, snooze_days,
                    sms_auto_reply)
                values (?, ?, ?, ?, ?)
                on conflict (tenant_id, campaign_id) do update set auto_reply = excluded.auto_reply,
                    snooze_days = excluded.snooze_days, sms_auto_reply = excluded.sms_auto_reply,
                    version = conversation_campaign_settings.version + 1, updated_at = now()""").params(tenant.value(), campaignId, auto, days, sms).update();
        ConversationSettingsView after = read(tenant, campaignId);
        if (!before.equals(after)) {
            events.publishEvent(new ConversationSettingsChanged(tenant.value(), campaignId, before, after, actor));
        }
        return after;
    }

    private ConversationSettingsView read(TenantId tenant, UUID campaignId) {
        return jdbc.sql("select auto_reply, snooze_days, sms_auto_reply from conversation_campaign_settings where"
                        + " tenant_id = ? and campaign_id = ?")
                .params(tenant.value(), campaignId)
                .query((rs, n) ->
                        new ConversationSettingsView(campaignId, rs.getBoolean(1), rs.getInt(2), rs.getBoolean(3)))
                .optional()
                .orElse(new ConversationSettingsView(campaignId, false, 30, false));
    }
}
