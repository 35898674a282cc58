package ai.revo.missioncontrol.tasks;

import ai.revo.missioncontrol.contacts.ContactTimelineSource;
import ai.revo.missioncontrol.contacts.TimelineEntry;
import ai.revo.missioncontrol.identity.TenantId;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The tasks about a contact's leads, for the contact's timeline. */
@Component
class TaskContactTimeline implements ContactTimelineSource {

    private final JdbcClient jdbc;

    TaskContactTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<TimelineEntry> timeline(TenantId tenant, Subject subject, int limit) {
        if (subject.leadIds().isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, title, description, board_column, lead_id, campaign_id, created_at from tasks "
                        + "where tenant_id = :tenant and lead_id in (:leads) order by created_at desc limit :limit")
                .param("tenant", tenant.value())
                .param("leads", subject.leadIds())
                .param("limit", limit)
                .query((rs, n) -> new TimelineEntry(
                        rs.getTimestamp("created_at").toInstant(),
                        "TASK",
                        rs.getString("title"),
                        rs.getString("description"),
                        null,
                        rs.getString("board_column"),
                        rs.getObject("lead_id", UUID.class),
                        rs.getObject("campaign_id", UUID.class),
                        null,
                        "/board"))
                .list();
    }
}
