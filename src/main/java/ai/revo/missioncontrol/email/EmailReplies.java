package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.identity.TenantId;
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
