package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.contacts.LeadManagement;
import ai.revo.missioncontrol.contacts.LeadStatus;
import ai.revo.missioncontrol.email.TrackedEmails.TrackedEmail;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.safety.Channel;
import ai.revo.missioncontrol.safety.SafetyManagement;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What recipients do with an email: opens, clicks, replies, bounces and unsubscribes. Each is recorded with its own
 * row, sets the email's first-time column once (the figures count first opens and first replies once) and emits an
 * {@link EmailChanged} in the same transaction. A reply also moves the lead to REPLIED and blocks the queued emails
 * to that lead in that campaign; a permanent bounce and an unsubscribe suppress the address on EMAIL.
 */
@Service
public class EmailTracking {

    /** The reason written on queued emails blocked because their lead replied. */
    public static final String LEAD_REPLIED = "lead replied";

    private final TrackedEmails emails;
    private final TrackingTokens tokens;
    private final JdbcClient jdbc;
    private final LeadManagement leads;
    private final SafetyManagement safety;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final java.time.Duration clickTtl;

    EmailTracking(
            TrackedEmails emails,
            TrackingTokens tokens,
            JdbcClient jdbc,
            LeadManagement leads,
            SafetyManagement safety,
            ApplicationEventPublisher events,
            Clock clock,
            @org.springframework.beans.factory.annotation.Value("${mc.email.click-link-ttl:90d}")
                    java.time.Duration clickTtl) {
        this.clickTtl = clickTtl;
        this.emails = emails;
        this.tokens = tokens;
        this.jdbc = jdbc;
        this.leads = leads;
        this.safety = safety;
        this.events = events;
        this.clock = clock;
    }

    /** Checks a tracking link's token; empty when it is forged, damaged or signed for another purpose. */
    public Optional<TrackingToken> readToken(String token, TrackingToken.Purpose purpose) {
        return tokens.read(token, purpose);
    }

    /** Records an open (source PIXEL or WEBHOOK); false when the email is not in this workspace. */
    @Transactional
    public boolean recordOpen(TenantId tenant, UUID emailId, String source, String userAgent) {
        return emails.byId(tenant, emailId)
                .map(email -> {
                    Instant now = clock.instant();
                    jdbc.sql("""
                    insert into email_open_events (id, tenant_id, email_id, source, user_agent, opened_at)
                    values (?, ?, ?, ?, ?, ?)""")
                            .params(
                                    UUID.randomUUID(),
                                    tenant.value(),
                                    email.id(),
                                    source,
                                    truncate(userAgent, 500),
                                    java.sql.Timestamp.from(now))
                            .update();
                    boolean first = setFirst(tenant, email.id(), "first_opened_at", now);
                    publish(tenant, email, EmailChanged.OPENED, Map.of("first", first, "source", source));
                    return true;
                })
                .orElse(false);
    }

    /** What became of a click on a signed redirect. Only RECORDED redirects. */
    public enum Click {
        RECORDED,
        UNKNOWN_EMAIL,
        EXPIRED,
        NOT_IN_EMAIL
    }

    /**
     * Records a click on a signed redirect, if it may redirect: the email is in this workspace, was sent less than
     * {@code mc.email.click-link-ttl} ago, and the URL is one of its own links (in its HTML or text part as stored,
     * before tracking). A signature alone never turns the redirect into an open redirect.
     */
    @Transactional
    public Click recordClick(TenantId tenant, UUID emailId, String url, String userAgent) {
        return emails.byId(tenant, emailId)
                .map(email -> {
                    Instant now = clock.instant();
                    Click check = check(tenant, email.id(), url, now);
                    if (check != Click.RECORDED) {
                        return check;
                    }
                    jdbc.sql("""
                    insert into email_click_events (id, tenant_id, email_id, url, user_agent, clicked_at)
                    values (?, ?, ?, ?, ?, ?)""")
                            .params(
                                    UUID.randomUUID(),
                                    tenant.value(),
                                    email.id(),
                                    url,
                                    truncate(userAgent, 500),
                                    java.sql.Timestamp.from(now))
                            .update();
                    boolean first = setFirst(tenant, email.id(), "first_clicked_at", now);
                    publish(tenant, email, EmailChanged.CLICKED, Map.of("first", first, "url", url));
                    return Click.RECORDED;
                })
                .orElse(Click.UNKNOWN_EMAIL);
    }

    /** Why the click may not redirect (expired, not one of the email's links), or RECORDED when it may. */
    private Click check(TenantId tenant, UUID emailId, String url, Instant now) {
        return jdbc.sql("select body_html, body_text, coalesce(sent_at, created_at) from emails "
                        + "where tenant_id = ? and id = ?")
                .params(tenant.value(), emailId)
                .query((rs, i) -> {
                    if (rs.getTimestamp(3).toInstant().plus(clickTtl).isBefore(now)) {
                        return Click.EXPIRED;
                    }
                    String html = rs.getString(1);
                    String text = rs.getString(2);
                    boolean inHtml = ai.revo.missioncontrol.outbound.EmailHtml.links(html).stream()
                            .anyMatch(l -> l.href().trim().equals(url));
                    return inHtml || (text != null && text.contains(url)) ? Click.RECORDED : Click.NOT_IN_EMAIL;
                })
                .optional()
                .orElse(Click.UNKNOWN_EMAIL);
    }

    /**
     * Records a reply: the reply row, first_replied_at (once), the lead to REPLIED when its pipeline allows it, and
     * every queued (PENDING_SEND) email to that lead in that campaign BLOCKED with reason {@value #LEAD_REPLIED}.
     */
    @Transactional
    public void recordReply(TenantId tenant, UUID emailId, String replySubject, String replyBody) {
        recordReply(tenant, emailId, replySubject, replyBody, null, null);
    }

    /**
     * Records a reply as {@link #recordReply(TenantId, UUID, String, String)} does, with what the provider knows of
     * it: its sender and its own RFC 5322 Message-ID (both may be null), and announces it as {@link ReplyReceived}
     * so the conversation it belongs to shows it.
     */
    @Transactional
    public void recordReply(
            TenantId tenant,
            UUID emailId,
            String replySubject,
            String replyBody,
            String replyFrom,
            String replyMessageId) {
        TrackedEmail email = emails.byId(tenant, emailId).orElseThrow();
        Instant now = clock.instant();
        UUID replyId = UUID.randomUUID();
        jdbc.sql("""
                insert into email_reply_events (id, tenant_id, email_id, reply_subject, reply_body, replied_at,
                    from_email, message_id)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        replyId,
                        tenant.value(),
                        email.id(),
                        truncate(replySubject, 1000),
                        truncate(replyBody, 100_000),
                        java.sql.Timestamp.from(now),
                        truncate(replyFrom, 320),
                        truncate(replyMessageId, 998))
                .update();
        events.publishEvent(
                new ReplyReceived(tenant.value(), replyId, email.id(), email.leadId(), email.campaignId(), now));
        boolean first = setFirst(tenant, email.id(), "first_replied_at", now);
        int blocked = 0;
        if (email.leadId() != null) {
            leads.advance(tenant, email.leadId(), LeadStatus.REPLIED, Actor.system());
            blocked = blockQueuedFor(tenant, email, now);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("first", first);
        details.put("subject", replySubject);
        details.put("blockedQueued", blocked);
        publish(tenant, email, EmailChanged.REPLIED, details);
    }

    /**
     * Records a bounce. A permanent one marks the email BOUNCED and suppresses the address on EMAIL (reason
     * BOUNCED); a transient one is only recorded.
     */
    @Transactional
    public void recordBounce(TenantId tenant, UUID emailId, boolean permanent, String reason) {
        TrackedEmail email = emails.byId(tenant, emailId).orElseThrow();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into email_bounce_events (id, tenant_id, email_id, permanent, reason, bounced_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(
                        UUID.randomUUID(),
                        tenant.value(),
                        email.id(),
                        permanent,
                        truncate(reason, 1000),
                        java.sql.Timestamp.from(now))
                .update();
        if (!permanent) {
            return;
        }
        if (email.status() != EmailStatus.BOUNCED) {
            changeStatus(tenant, email.id(), EmailStatus.BOUNCED, truncate(reason, 1000), now);
        }
        suppress(tenant, email.toEmail(), "BOUNCED", "Permanent bounce: " + truncate(reason, 400));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("status", EmailStatus.BOUNCED.name());
        details.put("permanent", true);
        details.put("reason", reason);
        publish(tenant, email, EmailChanged.BOUNCED, details);
    }

    /**
     * Records a spam complaint about an email: {@code complained_at} (once) and the address suppressed on EMAIL
     * with reason COMPLAINED; the email keeps its status (it was delivered). Repeating it changes nothing.
     */
    @Transactional
    public void recordComplaint(TenantId tenant, UUID emailId, String reason) {
        TrackedEmail email = emails.byId(tenant, emailId).orElseThrow();
        Instant now = clock.instant();
        boolean first = setFirst(tenant, email.id(), "complained_at", now);
        boolean suppressed =
                suppress(tenant, email.toEmail(), "COMPLAINED", "Spam complaint: " + truncate(reason, 400));
        if (first || suppressed) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("reason", reason);
            details.put("suppressed", "COMPLAINED");
            publish(tenant, email, EmailChanged.COMPLAINED, details);
        }
    }

    /** Records that the provider delivered an email ({@code delivered_at}, once); false when it was already. */
    @Transactional
    public boolean recordDelivered(TenantId tenant, UUID emailId) {
        TrackedEmail email = emails.byId(tenant, emailId).orElseThrow();
        Instant now = clock.instant();
        boolean first = setFirst(tenant, email.id(), "delivered_at", now);
        if (first) {
            publish(tenant, email, EmailChanged.DELIVERED, Map.of("deliveredAt", now.toString()));
        }
        return first;
    }

    /** What the unsubscribe page shows: the address masked, and whether it is already unsubscribed. */
    public record UnsubscribeView(String maskedAddress, boolean unsubscribed) {}

    /** The unsubscribe page's facts; empty when the email is not in this workspace. */
    @Transactional(readOnly = true)
    public Optional<UnsubscribeView> unsubscribeView(TenantId tenant, UUID emailId) {
        return emails.byId(tenant, emailId)
                .map(email -> new UnsubscribeView(
                        mask(email.toEmail()), safety.isSuppressed(tenant, Channel.EMAIL, email.toEmail())));
    }

    /**
     * Suppresses the email's address for the workspace on EMAIL with reason UNSUBSCRIBED and emits
     * email.unsubscribed; repeating it changes nothing. Returns false when the email is not in this workspace.
     */
    @Transactional
    public boolean unsubscribe(TenantId tenant, UUID emailId) {
        return emails.byId(tenant, emailId)
                .map(email -> {
                    if (suppress(tenant, email.toEmail(), "UNSUBSCRIBED", "One-click unsubscribe")) {
                        publish(tenant, email, EmailChanged.UNSUBSCRIBED, Map.of("reason", "UNSUBSCRIBED"));
                    }
                    return true;
                })
                .orElse(false);
    }

    private boolean suppress(TenantId tenant, String address, String reason, String note) {
        if (safety.isSuppressed(tenant, Channel.EMAIL, address)) {
            return false;
        }
        safety.suppress(tenant, Channel.EMAIL, address, reason, note, Actor.system());
        return true;
    }

    private int blockQueuedFor(TenantId tenant, TrackedEmail replied, Instant now) {
        List<TrackedEmail> queued = jdbc.sql("""
                update emails set status = 'BLOCKED', reason = ?, next_attempt_at = null, updated_at = ?,
                       version = version + 1
                where tenant_id = ? and lead_id = ? and campaign_id is not distinct from ? and status = 'PENDING_SEND'
                returning id, campaign_id, lead_id, from_email, to_email, status""")
                .params(
                        LEAD_REPLIED,
                        java.sql.Timestamp.from(now),
                        tenant.value(),
                        replied.leadId(),
                        replied.campaignId())
                .query((rs, row) -> new TrackedEmail(
                        rs.getObject("id", UUID.class),
                        rs.getObject("campaign_id", UUID.class),
                        rs.getObject("lead_id", UUID.class),
                        rs.getString("from_email"),
                        rs.getString("to_email"),
                        EmailStatus.BLOCKED))
                .list();
        for (TrackedEmail email : queued) {
            history(tenant, email.id(), EmailStatus.BLOCKED, LEAD_REPLIED, now);
            publish(
                    tenant,
                    email,
                    "blocked",
                    Map.of(
                            "status",
                            EmailStatus.BLOCKED.name(),
                            "reason",
                            LEAD_REPLIED,
                            "repliedEmailId",
                            replied.id().toString()));
        }
        return queued.size();
    }

    private void changeStatus(TenantId tenant, UUID emailId, EmailStatus status, String reason, Instant now) {
        jdbc.sql("""
                update emails set status = ?, reason = ?, updated_at = ?, version = version + 1
                where tenant_id = ? and id = ?""")
                .params(status.name(), reason, java.sql.Timestamp.from(now), tenant.value(), emailId)
                .update();
        history(tenant, emailId, status, reason, now);
    }

    private void history(TenantId tenant, UUID emailId, EmailStatus status, String reason, Instant now) {
        jdbc.sql("""
                insert into email_status_history (id, tenant_id, email_id, status, reason, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        UUID.randomUUID(),
                        tenant.value(),
                        emailId,
                        status.name(),
                        reason,
                        java.sql.Timestamp.from(now),
                        java.sql.Timestamp.from(now))
                .update();
    }

    /** Sets a first-time column when it is still empty; true when this call set it. */
    private boolean setFirst(TenantId tenant, UUID emailId, String column, Instant at) {
        return jdbc.sql("update emails set " + column + " = ?, updated_at = ? where tenant_id = ? and id = ? and "
                                + column + " is null")
                        .params(java.sql.Timestamp.from(at), java.sql.Timestamp.from(at), tenant.value(), emailId)
                        .update()
                == 1;
    }

    private void publish(TenantId tenant, TrackedEmail email, String step, Map<String, Object> details) {
        events.publishEvent(new EmailChanged(
                tenant.value(),
                email.id(),
                step,
                email.campaignId(),
                email.leadId(),
                email.toEmail(),
                details,
                Actor.system()));
    }

    /** {@code j***@e***.com}: enough for the recipient to recognise, too little for anyone else. */
    static String mask(String address) {
        int at = address.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        int dot = domain.lastIndexOf('.');
        String host = dot > 0 ? domain.substring(0, dot) : domain;
        String tld = dot > 0 ? domain.substring(dot) : "";
        return local.charAt(0) + "***@" + (host.isEmpty() ? "" : host.charAt(0) + "***") + tld;
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
