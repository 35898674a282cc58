package ai.revo.missioncontrol.voice;

import ai.revo.missioncontrol.contacts.ContactTimelineSource;
import ai.revo.missioncontrol.contacts.TimelineEntry;
import ai.revo.missioncontrol.identity.TenantId;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The person's calls, for the contact's timeline: kind CALL, subject the ended reason, text the summary, from the
 * caller's number, to the duration in seconds.
 */
@Component
class CallContactTimeline implements ContactTimelineSource {

    private final JdbcClient jdbc;

    CallContactTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<TimelineEntry> timeline(TenantId tenant, Subject subject, int limit) {
        return jdbc.sql("select c.id, coalesce(c.started_at, c.created_at) as at, c.ended_reason, c.summary, "
                        + "c.caller_number, c.duration_seconds, c.lead_id, s.name, s.campaign_id from voice_calls c "
                        + "join sites s on s.tenant_id = c.tenant_id and s.id = c.site_id "
                        + "where c.tenant_id = ? and c.contact_id = ? order by at desc limit ?")
                .params(tenant.value(), subject.contactId(), limit)
                .query((rs, n) -> new TimelineEntry(
                        rs.getTimestamp("at").toInstant(),
                        "CALL",
                        rs.getString("ended_reason"),
                        CallStore.clip(rs.getString("summary"), 300),
                        rs.getString("caller_number"),
                        rs.getObject("duration_seconds") == null ? null : rs.getString("duration_seconds"),
                        rs.getObject("lead_id", UUID.class),
                        rs.getObject("campaign_id", UUID.class),
                        rs.getString("name"),
                        "/calls/" + rs.getObject("id", UUID.class)))
                .list();
    }
}
