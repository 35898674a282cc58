package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.contacts.ContactTimelineSource;
import ai.revo.missioncontrol.contacts.TimelineEntry;
import ai.revo.missioncontrol.identity.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The emails to a contact (by its leads or its address) with their opens and clicks, for the contact's timeline.
 * Replies are shown by the conversations module, in their thread.
 */
@Component
class EmailContactTimeline implements ContactTimelineSource {

    private static final String MINE =
            "e.tenant_id = :tenant and (e.lead_id in (:leads) or lower(e.to_email) = :email)";

    private final JdbcClient jdbc;

    EmailContactTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<TimelineEntry> timeline(TenantId tenant, Subject subject, int limit) {
        if (subject.leadIds().isEmpty() && subject.email() == null) {
            return List.of();
        }
        List<UUID> leads = subject.leadIds().isEmpty() ? List.of(new UUID(0, 0)) : subject.leadIds();
        String email = subject.email() == null ? "" : subject.email();
        List<TimelineEntry> entries = new ArrayList<>(jdbc.sql("select e.id, e.subject, e.status, e.reason, "
                        + "e.from_email, e.lead_id, e.campaign_id, coalesce(e.sent_at, e.created_at) at from emails e where "
                        + MINE + " order by e.created_at desc limit :limit")
                .param("tenant", tenant.value())
                .param("leads", leads)
                .param("email", email)
                .param("limit", limit)
                .query((rs, n) -> new TimelineEntry(
                        rs.getTimestamp("at").toInstant(),
                        "EMAIL",
                        rs.getString("subject"),
                        rs.getString("reason"),
                        rs.getString("from_email"),
                        rs.getString("status"),
                        rs.getObject("lead_id", UUID.class),
                        rs.getObject("campaign_id", UUID.class),
                        null,
                        "/emails/" + rs.getObject("id", UUID.class)))
                .list());
        entries.addAll(jdbc.sql("select e.id, e.subject, e.lead_id, e.campaign_id, min(o.opened_at) first, count(*) n "
                        + "from email_open_events o join emails e on e.tenant_id = o.tenant_id and e.id = o.email_id "
                        + "where " + MINE + " group by e.id order by first desc limit :limit")
                .param("tenant", tenant.value())
                .param("leads", leads)
                .param("email", email)
                .param("limit", limit)
                .query((rs, n) -> new TimelineEntry(
                        rs.getTimestamp("first").toInstant(),
                        "EMAIL_OPENED",
                        rs.getString("subject"),
                        null,
                        String.valueOf(rs.getLong("n")),
                        null,
                        rs.getObject("lead_id", UUID.class),
                        rs.getObject("campaign_id", UUID.class),
                        null,
                        "/emails/" + rs.getObject("id", UUID.class)))
                .list());
        entries.addAll(jdbc.sql("select e.id, e.subject, e.lead_id, e.campaign_id, c.url, c.clicked_at "
                        + "from email_click_events c join emails e on e.tenant_id = c.tenant_id and e.id = c.email_id "
                        + "where " + MINE + " order by c.clicked_at desc limit :limit")
                .param("tenant", tenant.value())
                .param("leads", leads)
                .param("email", email)
                .param("limit", limit)
                .query((rs, n) -> new TimelineEntry(
                        rs.getTimestamp("clicked_at").toInstant(),
                        "EMAIL_CLICKED",
                        rs.getString("subject"),
                        rs.getString("url"),
                        null,
                        null,
                        rs.getObject("lead_id", UUID.class),
                        rs.getObject("campaign_id", UUID.class),
                        null,
                        "/emails/" + rs.getObject("id", UUID.class)))
                .list());
        return entries;
    }
}
