package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.TenantContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivery events from the email providers (Postmark's Bounce and SpamComplaint webhooks, Resend's email.bounced,
 * email.complained and email.delivered), after their webhook authenticated them: stored raw once per provider event
 * id and answered at once, then mapped onto the email lifecycle as durable work ({@link InboundEmailQueue}) through
 * the existing tracking path: a hard bounce marks the email BOUNCED and suppresses the address (BOUNCED), a soft
 * bounce is recorded only, a complaint suppresses the address (COMPLAINED), a delivery sets {@code delivered_at}.
 * The email is found by the provider's Message-ID when it is one of ours, else as the newest email of the workspace
 * sent to the recipient; an event naming no email of ours is kept as IGNORED.
 */
@Service
public class DeliveryEvents {

    /** What an event says happened. */
    public enum Kind {
        DELIVERED,
        HARD_BOUNCE,
        SOFT_BOUNCE,
        COMPLAINT
    }

    /** One event as its webhook read it. */
    public record Event(
            String provider,
            String providerEventId,
            Kind kind,
            String recipient,
            String messageId,
            String reason,
            String body) {}

    /** What storing it came to. */
    public record Stored(UUID id, boolean duplicate) {}

    private final JdbcClient jdbc;
    private final EmailTracking tracking;
    private final TrackedEmails emails;
    private final InboundEmailQueue queue;
    private final TransactionTemplate tx;
    private final Clock clock;

    DeliveryEvents(
            JdbcClient jdbc,
            EmailTracking tracking,
            TrackedEmails emails,
            InboundEmailQueue queue,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.tracking = tracking;
        this.emails = emails;
        this.queue = queue;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Stores the event once per provider event id and queues its processing; a repeat answers the first one. */
    public Stored store(TenantId tenant, Event event) {
        Instant now = clock.instant();
        return TenantContext.callAs(
                tenant.value(),
                () -> tx.execute(s -> {
                    UUID id = UUID.randomUUID();
                    int inserted = jdbc.sql("""
                    insert into email_delivery_events (id, tenant_id, provider, provider_event_id, kind, recipient,
                        message_id, reason, body, status, received_at, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED', ?, ?, ?)
                    on conflict (tenant_id, provider, provider_event_id) do nothing""")
                            .params(
                                    id,
                                    tenant.value(),
                                    event.provider(),
                                    event.providerEventId(),
                                    event.kind().name(),
                                    truncate(event.recipient(), 320),
                                    truncate(event.messageId(), 998),
                                    truncate(event.reason(), 1000),
                                    event.body(),
                                    Timestamp.from(now),
                                    Timestamp.from(now),
                                    Timestamp.from(now))
                            .update();
                    if (inserted == 0) {
                        return new Stored(
                                jdbc.sql("""
                                select id from email_delivery_events
                                where tenant_id = ? and provider = ? and provider_event_id = ?""")
                                        .params(tenant.value(), event.provider(), event.providerEventId())
                                        .query(UUID.class)
                                        .single(),
                                true);
                    }
                    queue.enqueueDelivery(tenant, id);
                    return new Stored(id, false);
                }));
    }

    /** Processes one stored event (the durable task's work), once, under a row lock, with what it records. */
    public void process(TenantId tenant, UUID eventId) {
        TenantContext.runAs(
                tenant.value(),
                () -> tx.executeWithoutResult(s -> {
                    record Row(String kind, String recipient, String messageId, String reason) {}
                    Optional<Row> row = jdbc.sql("""
                    select kind, recipient, message_id, reason from email_delivery_events
                    where tenant_id = ? and id = ? and status = 'RECEIVED' for update""")
                            .params(tenant.value(), eventId)
                            .query((rs, n) ->
                                    new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                            .optional();
                    if (row.isEmpty()) {
                        return;
                    }
                    Row r = row.get();
                    Optional<TrackedEmails.TrackedEmail> email = Optional.empty();
                    if (r.messageId() != null && !r.messageId().isBlank()) {
                        email = emails.byMessageId(tenant, r.messageId());
                    }
                    if (email.isEmpty() && r.recipient() != null) {
                        email = emails.latestTo(tenant, r.recipient());
                    }
                    Instant now = clock.instant();
                    if (email.isEmpty()) {
                        mark(
                                tenant,
                                eventId,
                                "IGNORED",
                                "No email of this workspace went to this recipient",
                                null,
                                now);
                        return;
                    }
                    UUID id = email.get().id();
                    switch (Kind.valueOf(r.kind())) {
                        case HARD_BOUNCE -> tracking.recordBounce(tenant, id, true, r.reason());
                        case SOFT_BOUNCE -> tracking.recordBounce(tenant, id, false, r.reason());
                        case COMPLAINT -> tracking.recordComplaint(tenant, id, r.reason());
                        case DELIVERED -> tracking.recordDelivered(tenant, id);
                    }
                    mark(tenant, eventId, "PROCESSED", null, id, now);
                }));
    }

    private void mark(TenantId tenant, UUID id, String status, String error, UUID emailId, Instant now) {
        jdbc.sql("""
                update email_delivery_events set status = ?, error = ?, email_id = ?, processed_at = ?, updated_at = ?
                where tenant_id = ? and id = ?""")
                .params(status, error, emailId, Timestamp.from(now), Timestamp.from(now), tenant.value(), id)
                .update();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
