package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.identity.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** SQL of the email tables. Callers hold the transaction; every statement names the workspace. */
@Component
class EmailStore {

    /** An email with what only the pipeline needs: its bodies and whether it may ignore the send window. */
    record EmailRow(EmailView view, String bodyHtml, String bodyText, boolean bypassWindow) {}

    /** An attempt's log row. */
    record LogRow(UUID id, int attempt, String messageId, String outcome, Instant startedAt) {}

    private final JdbcClient jdbc;

    EmailStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    static EmailView view(ResultSet rs) throws SQLException {
        return new EmailView(
                uuid(rs, "id"),
                uuid(rs, "draft_id"),
                rs.getString("source"),
                uuid(rs, "campaign_id"),
                uuid(rs, "lead_id"),
                uuid(rs, "template_id"),
                rs.getString("from_email"),
                rs.getString("to_email"),
                rs.getString("subject"),
                EmailStatus.valueOf(rs.getString("status")),
                rs.getString("reason"),
                rs.getString("message_id"),
                rs.getString("provider_message_id"),
                rs.getInt("attempts"),
                instant(rs, "next_attempt_at"),
                instant(rs, "sent_at"),
                instant(rs, "first_opened_at"),
                instant(rs, "first_clicked_at"),
                instant(rs, "first_replied_at"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static EmailRow row(ResultSet rs, int n) throws SQLException {
        return new EmailRow(
                view(rs), rs.getString("body_html"), rs.getString("body_text"), rs.getBoolean("bypass_window"));
    }

    void insert(
            TenantId tenant,
            UUID id,
            UUID draftId,
            String source,
            UUID campaignId,
            UUID leadId,
            UUID templateId,
            String from,
            String to,
            String subject,
            String html,
            String text,
            String messageId,
            boolean bypassWindow,
            Instant now) {
        jdbc.sql("""
                insert into emails (id, tenant_id, draft_id, source, campaign_id, lead_id, template_id, from_email,
                    to_email, subject, body_html, body_text, status, message_id, bypass_window, attempts,
                    next_attempt_at, created_at, updated_at)
                values (:id, :tenant, :draft, :source, :campaign, :lead, :template, :from, :to, :subject, :html, :text,
                    'PENDING_SEND', :messageId, :bypass, 0, :now, :now, :now)
                """)
                .param("id", id)
                .param("tenant", tenant.value())
                .param("draft", draftId)
                .param("source", source)
                .param("campaign", campaignId)
                .param("lead", leadId)
                .param("template", templateId)
                .param("from", from)
                .param("to", to)
                .param("subject", subject)
                .param("html", html)
                .param("text", text)
                .param("messageId", messageId)
                .param("bypass", bypassWindow)
                .param("now", ts(now))
                .update();
        history(tenant, id, EmailStatus.PENDING_SEND, null, now);
    }

    void history(TenantId tenant, UUID emailId, EmailStatus status, String reason, Instant now) {
        jdbc.sql("""
                insert into email_status_history (id, tenant_id, email_id, status, reason, created_at, updated_at)
                values (:id, :tenant, :email, :status, :reason, :now, :now)
                """)
                .param("id", UUID.randomUUID())
                .param("tenant", tenant.value())
                .param("email", emailId)
                .param("status", status.name())
                .param("reason", reason)
                .param("now", ts(now))
                .update();
    }

    Optional<EmailRow> find(TenantId tenant, UUID id) {
        return jdbc.sql("select * from emails where tenant_id = ? and id = ?")
                .params(tenant.value(), id)
                .query(EmailStore::row)
                .optional();
    }

    Optional<EmailRow> lock(TenantId tenant, UUID id) {
        return jdbc.sql("select * from emails where tenant_id = ? and id = ? for update")
                .params(tenant.value(), id)
                .query(EmailStore::row)
                .optional();
    }

    Optional<EmailView> byMessageId(TenantId tenant, String messageId) {
        return jdbc.sql("select * from emails where tenant_id = ? and message_id = ?")
                .params(tenant.value(), messageId)
                .query((rs, n) -> view(rs))
                .optional();
    }

    private static final String FILTER = """
             where tenant_id = :tenant
               and (cast(:status as text) is null or status = :status)
               and (cast(:campaign as uuid) is null or campaign_id = :campaign)
               and (cast(:q as text) is null or to_email ilike :like or subject ilike :like or from_email ilike :like)
            """;

    List<EmailView> page(TenantId tenant, String status, UUID campaignId, String q, int limit, long offset) {
        return filtered(
                        "select * from emails" + FILTER + " order by created_at desc, id limit :limit offset :offset",
                        tenant,
                        status,
                        campaignId,
                        q)
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, n) -> view(rs))
                .list();
    }

    long count(TenantId tenant, String status, UUID campaignId, String q) {
        return filtered("select count(*) from emails" + FILTER, tenant, status, campaignId, q)
                .query(Long.class)
                .single();
    }

    private JdbcClient.StatementSpec filtered(String sql, TenantId tenant, String status, UUID campaignId, String q) {
        String query = q == null || q.isBlank() ? null : q.trim();
        String like = query == null
                ? null
                : "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql(sql)
                .param("tenant", tenant.value())
                .param("status", status)
                .param("campaign", campaignId)
                .param("q", query)
                .param("like", like);
    }

    List<EmailDetail.StatusChange> historyOf(TenantId tenant, UUID emailId) {
        return jdbc.sql("""
                select status, reason, created_at from email_status_history where tenant_id = ? and email_id = ?
                order by created_at, id
                """)
                .params(tenant.value(), emailId)
                .query((rs, n) -> new EmailDetail.StatusChange(
                        rs.getString("status"), rs.getString("reason"), instant(rs, "created_at")))
                .list();
    }

    List<EmailDetail.Attempt> attemptsOf(TenantId tenant, UUID emailId) {
        return jdbc.sql("""
                select attempt, message_id, outcome, smtp_reply, started_at, finished_at from email_logs
                where tenant_id = ? and email_id = ? order by attempt, started_at
                """)
                .params(tenant.value(), emailId)
                .query((rs, n) -> new EmailDetail.Attempt(
                        rs.getInt("attempt"),
                        rs.getString("message_id"),
                        rs.getString("outcome"),
                        rs.getString("smtp_reply"),
                        instant(rs, "started_at"),
                        instant(rs, "finished_at")))
                .list();
    }

    Optional<LogRow> unfinishedAttempt(TenantId tenant, UUID emailId) {
        return jdbc.sql("""
                select id, attempt, message_id, outcome, started_at from email_logs
                where tenant_id = ? and email_id = ? and outcome = 'STARTED' order by attempt desc limit 1
                """)
                .params(tenant.value(), emailId)
                .query((rs, n) -> new LogRow(
                        uuid(rs, "id"),
                        rs.getInt("attempt"),
                        rs.getString("message_id"),
                        rs.getString("outcome"),
                        instant(rs, "started_at")))
                .optional();
    }

    /** The attempt's log row (STARTED, with the Message-ID), the email SENDING and its history row: one statement. */
    void startAttempt(TenantId tenant, UUID emailId, int attempt, String messageId, Instant now) {
        jdbc.sql("""
                with attempt_log as (
                    insert into email_logs (id, tenant_id, email_id, attempt, message_id, outcome, started_at,
                        created_at, updated_at)
                    values (:id, :tenant, :email, :attempt, :messageId, 'STARTED', :now, :now, :now)),
                  sending as (
                    update emails set status = 'SENDING', attempts = :attempt, next_attempt_at = null,
                        updated_at = :now
                    where tenant_id = :tenant and id = :email)
                insert into email_status_history (id, tenant_id, email_id, status, reason, created_at, updated_at)
                values (:historyId, :tenant, :email, 'SENDING', :reason, :now, :now)
                """)
                .param("id", UUID.randomUUID())
                .param("historyId", UUID.randomUUID())
                .param("tenant", tenant.value())
                .param("email", emailId)
                .param("attempt", attempt)
                .param("messageId", messageId)
                .param("reason", "attempt " + attempt)
                .param("now", ts(now))
                .update();
    }

    void finishAttempt(TenantId tenant, UUID emailId, int attempt, String outcome, String reply, Instant now) {
        jdbc.sql("""
                update email_logs set outcome = :outcome, smtp_reply = :reply, finished_at = :now, updated_at = :now
                where tenant_id = :tenant and email_id = :email and attempt = :attempt and outcome = 'STARTED'
                """)
                .param("outcome", outcome)
                .param("reply", reply == null ? null : truncate(reply, 2000))
                .param("now", ts(now))
                .param("tenant", tenant.value())
                .param("email", emailId)
                .param("attempt", attempt)
                .update();
    }

    /**
     * Moves the email to a new status and records it in the history (one statement); SENT also records sentAt and
     * the provider id.
     */
    void status(
            TenantId tenant,
            UUID emailId,
            EmailStatus status,
            String reason,
            Instant nextAttemptAt,
            String providerMessageId,
            Instant now) {
        jdbc.sql("""
                with moved as (
                    update emails set status = :status, reason = :reason, next_attempt_at = :next,
                        sent_at = case when :status = 'SENT' then :now else sent_at end,
                        provider_message_id = coalesce(cast(:provider as text), provider_message_id),
                        updated_at = :now, version = version + 1
                    where tenant_id = :tenant and id = :id)
                insert into email_status_history (id, tenant_id, email_id, status, reason, created_at, updated_at)
                values (:historyId, :tenant, :id, :status, :reason, :now, :now)
                """)
                .param("status", status.name())
                .param("reason", reason == null ? null : truncate(reason, 2000))
                .param("next", ts(nextAttemptAt))
                .param("provider", providerMessageId)
                .param("historyId", UUID.randomUUID())
                .param("now", ts(now))
                .param("tenant", tenant.value())
                .param("id", emailId)
                .update();
    }

    /** Keeps the email waiting (window, cap, paused campaign) without a history row for every re-check. */
    void defer(TenantId tenant, UUID emailId, String reason, Instant until, Instant now) {
        jdbc.sql("""
                update emails set reason = :reason, next_attempt_at = :next, updated_at = :now
                where tenant_id = :tenant and id = :id
                """)
                .param("reason", reason)
                .param("next", ts(until))
                .param("now", ts(now))
                .param("tenant", tenant.value())
                .param("id", emailId)
                .update();
    }

    /**
     * Emails of this sender that count against its caps in the last hour and the last day ({@code [hour, day]}): sent,
     * or being sent right now or UNKNOWN (such an attempt stops counting once it is older than the window). One
     * statement, each part a range scan of an index (a single OR across both would scan the table for every send).
     */
    long[] sentInWindows(TenantId tenant, String from, Instant hourAgo, Instant dayAgo) {
        return jdbc.sql("""
                select
                  (select count(*) filter (where sent_at >= :hour) from emails
                   where tenant_id = :tenant and lower(from_email) = lower(:from) and sent_at >= :day)
                  + (select count(*) filter (where updated_at >= :hour) from emails
                   where tenant_id = :tenant and status in ('SENDING', 'UNKNOWN') and sent_at is null
                     and lower(from_email) = lower(:from) and updated_at >= :day),
                  (select count(*) from emails
                   where tenant_id = :tenant and lower(from_email) = lower(:from) and sent_at >= :day)
                  + (select count(*) from emails
                   where tenant_id = :tenant and status in ('SENDING', 'UNKNOWN') and sent_at is null
                     and lower(from_email) = lower(:from) and updated_at >= :day)
                """)
                .param("tenant", tenant.value())
                .param("from", from)
                .param("hour", ts(hourAgo))
                .param("day", ts(dayAgo))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
    }

    /** When the oldest of the sender's sends since {@code since} was made (it leaves the window first). */
    Optional<Instant> oldestSentSince(TenantId tenant, String from, Instant since) {
        return jdbc.sql("""
                select min(sent_at) from emails where tenant_id = :tenant and lower(from_email) = lower(:from)
                  and sent_at >= :since
                """)
                .param("tenant", tenant.value())
                .param("from", from)
                .param("since", ts(since))
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
                .single();
    }

    /**
     * The cap check's lock of a sender mailbox, across nodes, until the commit. Exclusive: the cap check and the claim
     * of a send are serialised per sender, so every claim sees all earlier ones. Shared: claims run side by side and
     * one cannot see the others' uncommitted claims; there are at most {@link #maxConnections()} of those at any
     * moment on the server (one per connection), so a shared claim is only right while the count plus that bound
     * stays within the caps (an exclusive holder waits for every shared one to commit, and the other way round).
     */
    void lockSender(String from, boolean exclusive) {
        jdbc.sql(
                        exclusive
                                ? "select pg_advisory_xact_lock(hashtext('email-sender:' || lower(?)))"
                                : "select pg_advisory_xact_lock_shared(hashtext('email-sender:' || lower(?)))")
                .param(from)
                .query((rs, n) -> 1)
                .list();
    }

    /** The server's {@code max_connections}: no more transactions than that can be open at once, on all nodes. */
    int maxConnections() {
        return jdbc.sql("select current_setting('max_connections')::int")
                .query(Integer.class)
                .single();
    }

    long countQueuedInCampaign(TenantId tenant, UUID campaignId) {
        return jdbc.sql("select count(*) from emails where tenant_id = ? and campaign_id = ?")
                .params(tenant.value(), campaignId)
                .query(Long.class)
                .single();
    }

    static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
