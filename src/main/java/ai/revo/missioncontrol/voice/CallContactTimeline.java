package ai.revo.missioncontrol.voice;

import ai.revo.missioncontrol.contacts.ContactTimelineSource;
import ai.revo.missioncontrol.contacts.TimelineEntry;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.sites.SiteView;
import ai.revo.missioncontrol.sites.Sites;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The person's calls, for the contact's timeline: kind CALL, subject the ended reason, text the summary, from the
 * caller's number, to the duration in seconds, actor the site's name (read through the sites facade).
 */
@Component
class CallContactTimeline implements ContactTimelineSource {

    private final JdbcClient jdbc;
    private final Sites sites;

    CallContactTimeline(JdbcClient jdbc, Sites sites) {
        this.jdbc = jdbc;
        this.sites = sites;
    }

    record Row(
            UUID id,
            Instant at,
            String endedReason,
            String summary,
            String caller,
            String duration,
            UUID leadId,
            UUID siteId) {}

    @Override
    public List<TimelineEntry> timeline(TenantId tenant, Subject subject, int limit) {
        List<Row> rows = jdbc.sql("select id, coalesce(started_at, created_at) as at, ended_reason, summary, "
                        + "caller_number, duration_seconds, lead_id, site_id from voice_calls "
                        + "where tenant_id = ? and contact_id = ? order by at desc limit ?")
                .params(tenant.value(), subject.contactId(), limit)
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("ended_reason"),
                        CallStore.clip(rs.getString("summary"), 300),
                        rs.getString("caller_number"),
                        rs.getObject("duration_seconds") == null ? null : rs.getString("duration_seconds"),
                        rs.getObject("lead_id", UUID.class),
                        rs.getObject("site_id", UUID.class)))
                .list();
        Map<UUID, SiteView> seen = new HashMap<>();
        return rows.stream()
                .map(r -> {
                    SiteView site = seen.computeIfAbsent(r.siteId(), id -> site(tenant, id));
                    return new TimelineEntry(
                            r.at(),
                            "CALL",
                            r.endedReason(),
                            r.summary(),
                            r.caller(),
                            r.duration(),
                            r.leadId(),
                            site == null ? null : site.campaignId(),
                            site == null ? null : site.name(),
                            "/calls/" + r.id());
                })
                .toList();
    }

    private SiteView site(TenantId tenant, UUID id) {
        try {
            return sites.get(tenant, id);
        } catch (ApiException gone) {
            return null;
        }
    }
}
