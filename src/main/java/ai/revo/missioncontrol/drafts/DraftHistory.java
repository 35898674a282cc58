package ai.revo.missioncontrol.drafts;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The append-only rows of a draft: its numbered versions and the decisions taken on it. */
@Component
class DraftHistory {

    private final JdbcClient jdbc;

    DraftHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void recordVersion(
            TenantId tenant, UUID draftId, int number, DraftContent content, Actor author, String reason, Instant at) {
        jdbc.sql("""
                insert into draft_versions (id, tenant_id, draft_id, number, subject, body_text, body_html,
                    author_type, author_id, author_name, reason, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(
                        UUID.randomUUID(),
                        tenant.value(),
                        draftId,
                        number,
                        content.subject(),
                        content.bodyText(),
                        content.bodyHtml(),
                        author.type().name(),
                        author.id(),
                        author.name(),
                        reason,
                        Timestamp.from(at),
                        Timestamp.from(at))
                .update();
    }

    void recordDecision(
            TenantId tenant,
            UUID draftId,
            Decision decision,
            Actor actor,
            String notes,
            int version,
            String contentSha256,
            Instant at) {
        jdbc.sql("""
                insert into approvals (id, tenant_id, draft_id, action, actor_type, actor_id, actor_name, notes,
                    version_number, content_sha256, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(
                        UUID.randomUUID(),
                        tenant.value(),
                        draftId,
                        decision.name(),
                        actor.type().name(),
                        actor.id(),
                        actor.name(),
                        notes,
                        version,
                        contentSha256,
                        Timestamp.from(at),
                        Timestamp.from(at))
                .update();
    }

    List<DraftVersionView> versions(TenantId tenant, UUID draftId, int limit, long offset) {
        return jdbc.sql("select * from draft_versions where tenant_id = ? and draft_id = ? order by number desc "
                        + "limit ? offset ?")
                .params(tenant.value(), draftId, limit, offset)
                .query(this::version)
                .list();
    }

    long countVersions(TenantId tenant, UUID draftId) {
        return jdbc.sql("select count(*) from draft_versions where tenant_id = ? and draft_id = ?")
                .params(tenant.value(), draftId)
                .query(Long.class)
                .single();
    }

    Optional<DraftVersionView> version(TenantId tenant, UUID draftId, int number) {
        return jdbc.sql("select * from draft_versions where tenant_id = ? and draft_id = ? and number = ?")
                .params(tenant.value(), draftId, number)
                .query(this::version)
                .optional();
    }

    List<ApprovalView> decisions(TenantId tenant, UUID draftId, int limit, long offset) {
        return jdbc.sql("select * from approvals where tenant_id = ? and (cast(? as uuid) is null or draft_id = ?) "
                        + "order by created_at desc, id limit ? offset ?")
                .params(tenant.value(), draftId, draftId, limit, offset)
                .query(this::approval)
                .list();
    }

    long countDecisions(TenantId tenant, UUID draftId) {
        return jdbc.sql(
                        "select count(*) from approvals where tenant_id = ? and (cast(? as uuid) is null or draft_id = ?)")
                .params(tenant.value(), draftId, draftId)
                .query(Long.class)
                .single();
    }

    private DraftVersionView version(ResultSet rs, int row) throws SQLException {
        return new DraftVersionView(
                rs.getInt("number"),
                rs.getString("subject"),
                rs.getString("body_text"),
                rs.getString("body_html"),
                actor(rs, "author"),
                rs.getString("reason"),
                rs.getTimestamp("created_at").toInstant());
    }

    private ApprovalView approval(ResultSet rs, int row) throws SQLException {
        return new ApprovalView(
                rs.getObject("id", UUID.class),
                rs.getObject("draft_id", UUID.class),
                Decision.valueOf(rs.getString("action")),
                actor(rs, "actor"),
                rs.getString("notes"),
                rs.getInt("version_number"),
                rs.getString("content_sha256"),
                rs.getTimestamp("created_at").toInstant());
    }

    /** The content fingerprint of the draft's latest approving decision, if it has one. */
    java.util.Optional<String> approvedContentHash(TenantId tenant, UUID draftId) {
        return jdbc.sql("""
                        select content_sha256 from approvals
                        where tenant_id = ? and draft_id = ? and action in ('APPROVE', 'EDIT_INLINE_APPROVE',
                            'APPROVE_WITH_NOTES')
                        order by created_at desc, version_number desc limit 1
                        """).params(tenant.value(), draftId).query(String.class).optional();
    }

    private static Actor actor(ResultSet rs, String prefix) throws SQLException {
        return new Actor(
                Actor.Type.valueOf(rs.getString(prefix + "_type")),
                rs.getString(prefix + "_id"),
                rs.getString(prefix + "_name"));
    }
}
