package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.identity.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the replies the webhook recorded. */
@Service
public class EmailReplies {

    private final JdbcClient jdbc;

    EmailReplies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The workspaces that have recorded replies, for background work that runs outside any workspace (a
     * security-definer function, V0120); empty when none has.
     */
    public List<TenantId> workspacesWithReplies() {
        return jdbc.sql("select * from email_tenants_with_replies()").query(UUID.class).list().stream()
                .map(TenantId::new)
                .toList();
    }

    /**
     * Up to {@code limit} ids of this workspace's replies recorded before {@code recordedBefore}, in id order after
     * {@code afterId} (null for the first page).
     */
    @Transactional(readOnly = true)
    public List<UUID> replyIds(TenantId tenant, UUID afterId, Instant recordedBefore, int limit) {
        return jdbc.sql("select id from email_reply_events where tenant_id = ? and created_at < ? "
                        + "and (cast(? as uuid) is null or id > ?) order by id limit ?")
                .params(tenant.value(), Timestamp.from(recordedBefore), afterId, afterId, limit)
                .query(UUID.class)
                .list();
    }

    /** The reply, or empty when it is not this workspace's. */
    @Transactional(readOnly = true)
    public Optional<ReplyView> reply(TenantId tenant, UUID replyId) {
        return jdbc.sql("""
                select id, email_id, reply_subject, reply_body, from_email, message_id, replied_at
                from email_reply_events where tenant_id = ? and id = ?""")
                .params(tenant.value(), replyId)
                .query((rs, n) -> new ReplyView(
                        rs.getObject("id", UUID.class),
                        rs.getObject("email_id", UUID.class),
                        rs.getString("reply_subject"),
                        rs.getString("reply_body"),
                        rs.getString("from_email"),
                        rs.getString("message_id"),
                        rs.getTimestamp("replied_at").toInstant()))
                .optional();
    }
}
