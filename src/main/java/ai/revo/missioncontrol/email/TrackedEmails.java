package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.identity.TenantId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The few facts of an {@code emails} row that tracking needs. Reads run inside the caller's tenant-bound
 * transaction, so row-level security keeps them to the workspace.
 */
@Component
class TrackedEmails {

    record TrackedEmail(UUID id, UUID campaignId, UUID leadId, String fromEmail, String toEmail, EmailStatus status) {}

    private static final String COLUMNS = "select id, campaign_id, lead_id, from_email, to_email, status from emails ";

    private final JdbcClient jdbc;

    TrackedEmails(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<TrackedEmail> byId(TenantId tenant, UUID id) {
        return jdbc.sql(COLUMNS + "where tenant_id = ? and id = ?")
                .params(tenant.value(), id)
                .query(TrackedEmails::map)
                .optional();
    }

    Optional<TrackedEmail> byMessageId(TenantId tenant, String messageId) {
        String bare = messageId.replaceAll("^<+|>+$", "");
        return jdbc.sql(COLUMNS + "where tenant_id = ? and message_id in (?, ?, ?) limit 1")
                .params(tenant.value(), messageId, bare, "<" + bare + ">")
                .query(TrackedEmails::map)
                .optional();
    }

    /** The newest email of the workspace that went out to this address (sent or bounced), if any. */
    Optional<TrackedEmail> latestTo(TenantId tenant, String address) {
        return jdbc.sql(COLUMNS + """
                        where tenant_id = ? and lower(to_email) = lower(?) and sent_at is not null
                        order by sent_at desc limit 1""")
                .params(tenant.value(), address)
                .query(TrackedEmails::map)
                .optional();
    }

    /** The workspace owning an email, before any tenant is known (a narrow security-definer function). */
    Optional<TenantId> ownerOf(UUID emailId, String messageId) {
        return jdbc.sql("select email_tenant_of_email(?, ?)")
                .params(emailId, messageId)
                .query(UUID.class)
                .optional()
                .map(TenantId::new);
    }

    private static TrackedEmail map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new TrackedEmail(
                rs.getObject("id", UUID.class),
                rs.getObject("campaign_id", UUID.class),
                rs.getObject("lead_id", UUID.class),
                rs.getString("from_email"),
                rs.getString("to_email"),
                EmailStatus.valueOf(rs.getString("status")));
    }
}
