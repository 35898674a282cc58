package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.campaigns.CampaignManagement;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Per campaign tracking switches (opens and links); a campaign nobody configured tracks both. */
@Service
public class EmailTrackingSettings {

    private final JdbcClient jdbc;
    private final CampaignManagement campaigns;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EmailTrackingSettings(
            JdbcClient jdbc, CampaignManagement campaigns, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.events = events;
        this.clock = clock;
    }

    /** A campaign's switches; 404 when the campaign is not in this workspace. */
    @Transactional(readOnly = true)
    public TrackingSettingsView get(TenantId tenant, UUID campaignId) {
        campaigns.get(tenant, campaignId);
        return current(tenant, campaignId);
    }

    /** The switches for an email of that campaign (or of none: both on); no existence check. */
    @Transactional(readOnly = true)
    public TrackingSettingsView forEmail(TenantId tenant, UUID campaignId) {
        return campaignId == null ? new TrackingSettingsView(null, true, true) : current(tenant, campaignId);
    }

    /** Sets a campaign's switches; a null value keeps the current one. 404 for another workspace's campaign. */
    @Transactional
    public TrackingSettingsView change(
            TenantId tenant, UUID campaignId, Boolean trackOpens, Boolean trackLinks, Actor actor) {
        campaigns.get(tenant, campaignId);
        TrackingSettingsView before = current(tenant, campaignId);
        TrackingSettingsView after = new TrackingSettingsView(
                campaignId,
                trackOpens == null ? before.trackOpens() : trackOpens,
                trackLinks == null ? before.trackLinks() : trackLinks);
        if (after.equals(before)) {
            return after;
        }
        jdbc.sql("""
                insert into email_tracking_settings (tenant_id, campaign_id, track_opens, track_links) values (?, ?, ?, ?)
                on conflict (tenant_id, campaign_id) do update set track_opens = excluded.track_opens,
                    track_links = excluded.track_links, updated_at = ?, version = email_tracking_settings.version + 1""")
                .params(
                        tenant.value(),
                        campaignId,
                        after.trackOpens(),
                        after.trackLinks(),
                        java.sql.Timestamp.from(clock.instant()))
                .update();
        events.publishEvent(new EmailTrackingChanged(tenant.value(), before, after, actor));
        return after;
    }

    private TrackingSettingsView current(TenantId tenant, UUID campaignId) {
        return jdbc.sql("""
                select track_opens, track_links from email_tracking_settings where tenant_id = ? and campaign_id = ?""")
                .params(tenant.value(), campaignId)
                .query((rs, row) -> new TrackingSettingsView(campaignId, rs.getBoolean(1), rs.getBoolean(2)))
                .optional()
                .orElse(new TrackingSettingsView(campaignId, true, true));
    }
}
