package ai.revo.missioncontrol.drafts;

import ai.revo.missioncontrol.contacts.ContactTimelineSource;
import ai.revo.missioncontrol.contacts.TimelineEntry;
import ai.revo.missioncontrol.identity.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The drafts written for a contact's leads and the decisions people took on them, for the contact's timeline. */
@Component
class DraftContactTimeline implements ContactTimelineSource {

    private final JdbcClient jdbc;

    DraftContactTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<TimelineEntry> timeline(TenantId tenant, Subject subject, int limit) {
        if (subject.leadIds().isEmpty()) {
            return List.of();
        }
        List<TimelineEntry> entries = new ArrayList<>(jdbc.sql(
                        "select id, channel, subject, body_text, status, author_name, lead_id, campaign_id, created_at "
                                + "from drafts where tenant_id = :tenant and lead_id in (:leads) "
                                + "order by created_at desc limit :limit")
                .param("tenant", tenant.value())
                .param("leads", subject.leadIds())
                .param("limit", limit)
                .query((rs, n) -> new TimelineEntry(
                        rs.getTimestamp("created_at").toInstant(),
                        "DRAFT",
                        rs.getString("subject"),
                        rs.getString("body_text"),
                        rs.getString("channel"),
                        rs.getString("status"),
                        rs.getObject("lead_id", UUID.class),
                        rs.getObject("campaign_id", UUID.class),
                        rs.getString("author_name"),
                        "/drafts/" + rs.getObject("id", UUID.class)))
                .list());
        entries.addAll(jdbc.sql(
                        "select d.id, d.subject, d.lead_id, d.campaign_id, a.action, a.actor_name, a.notes, "
                                + "a.created_at from approvals a join drafts d on d.tenant_id = a.tenant_id and d.id = a.draft_id "
                                + "where a.tenant_id = :tenant and d.lead_id in (:leads) order by a.created_at desc limit :limit")
                .param("tenant", tenant.value())
                .param("leads", subject.leadIds())
                .param("limit", limit)
                .query((rs, n) -> new TimelineEntry(
                        rs.getTimestamp("created_at").toInstant(),
                        "DECISION",
                        rs.getString("subject"),
                        rs.getString("notes"),
                        null,
                        rs.getString("action"),
                        rs.getObject("lead_id", UUID.class),
                        rs.getObject("campaign_id", UUID.class),
                        rs.getString("actor_name"),
                        "/drafts/" + rs.getObject("id", UUID.class)))
                .list());
        return entries;
    }
}
