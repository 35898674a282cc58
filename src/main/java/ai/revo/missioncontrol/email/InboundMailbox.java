package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspace's received mail as the inbound webhooks stored it (Postmark and Resend alike), newest first: what
 * each message became (PROCESSED: threaded to one of our emails and recorded as its reply; IGNORED: it answers none
 * of them, the "unmatched" mail a person should look at; FAILED: unreadable; RECEIVED: still queued). Read only;
 * storing and processing stay with {@link InboundEmail} and {@link ResendInbound}.
 */
@Service
public class InboundMailbox {

    /** What a stored inbound message became. */
    public enum Status {
        RECEIVED,
        PROCESSED,
        IGNORED,
        FAILED
    }

    /** One received message: sender and subject as received, and what it became (emailId: the email it answers). */
    public record MessageView(
            UUID id,
            String provider,
            String fromEmail,
            String subject,
            Status status,
            String error,
            UUID emailId,
            Instant receivedAt,
            Instant processedAt) {}

    /** Counts per status over the whole mailbox, for the page's filter. */
    public record Counts(long received, long processed, long ignored, long failed) {
        public long total() {
            return received + processed + ignored + failed;
        }
    }

    private final JdbcClient jdbc;

    InboundMailbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The received messages, newest first, of one status or all (null). */
    @Transactional(readOnly = true)
    public PageResult<MessageView> list(TenantId tenant, Status status, PageQuery page) {
        String where = "where tenant_id = ?" + (status == null ? "" : " and status = ?");
        Object[] params = status == null ? new Object[] {tenant.value()} : new Object[] {tenant.value(), status.name()};
        long total = jdbc.sql("select count(*) from email_inbound_messages " + where)
                .params(params)
                .query(Long.class)
                .single();
        var rows = jdbc.sql("select id, provider, from_email, subject, status, error, email_id, received_at, "
                        + "processed_at from email_inbound_messages " + where
                        + " order by received_at desc, id desc limit " + page.limit() + " offset " + page.offset())
                .params(params)
                .query(InboundMailbox::view)
                .list();
        return PageResult.of(rows, page, total);
    }

    @Transactional(readOnly = true)
    public Counts counts(TenantId tenant) {
        long[] n = new long[4];
        jdbc.sql("select status, count(*) from email_inbound_messages where tenant_id = ? group by status")
                .param(tenant.value())
                .query(rs -> {
                    n[Status.valueOf(rs.getString(1)).ordinal()] = rs.getLong(2);
                });
        return new Counts(n[0], n[1], n[2], n[3]);
    }

    private static MessageView view(ResultSet rs, int n) throws SQLException {
        return new MessageView(
                rs.getObject("id", UUID.class),
                rs.getString("provider"),
                rs.getString("from_email"),
                rs.getString("subject"),
                Status.valueOf(rs.getString("status")),
                rs.getString("error"),
                rs.getObject("email_id", UUID.class),
                instant(rs.getTimestamp("received_at")),
                instant(rs.getTimestamp("processed_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
