package ai.revo.missioncontrol.webhooks;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.outbound.WebhookPoster.Attempt;
import ai.revo.missioncontrol.platform.Actor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rows of this module, each change in its own short transaction so the dispatcher never holds one across an HTTP
 * call. Public methods take the tenant first (row-level security binds it); the class itself is not public.
 */
@Service
class WebhookStore {

    /** A subscription as the dispatcher needs it: sealed secrets included. */
    record Subscription(
            UUID id,
            UUID tenantId,
            String url,
            String description,
            List<String> eventTypes,
            String status,
            String disabledReason,
            long cursorSeq,
            String secretSealed,
            String secretLastFour,
            String previousSecretSealed,
            Instant previousSecretExpiresAt,
            Instant lastDeliveryAt,
            String lastStatus,
            Instant createdAt,
            Instant updatedAt) {

        boolean active() {
            return "ACTIVE".equals(status);
        }

        /** {@code *} is every event; {@code lead.} a prefix; {@code deal.won} that type and its sub-types. */
        boolean wants(String type) {
            for (String t : eventTypes) {
                if (t.equals("*")
                        || (t.endsWith(".") ? type.startsWith(t) : type.equals(t) || type.startsWith(t + "."))) {
                    return true;
                }
            }
            return false;
        }

        WebhookSubscriptionView view(Instant now) {
            return new WebhookSubscriptionView(
                    id,
                    url,
                    description,
                    eventTypes,
                    status,
                    disabledReason,
                    secretLastFour,
                    previousSecretExpiresAt != null && previousSecretExpiresAt.isAfter(now)
                            ? previousSecretExpiresAt
                            : null,
                    lastDeliveryAt,
                    lastStatus,
                    createdAt,
                    updatedAt);
        }
    }

    /** A delivery row with the exact body that is signed. */
    record Delivery(WebhookDeliveryView view, String body) {}

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;

    WebhookStore(JdbcClient jdbc, ObjectMapper json, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public Optional<Subscription> subscription(TenantId tenant, UUID id) {
        return jdbc.sql("select * from webhook_subscriptions where tenant_id = ? and id = ?")
                .params(tenant.value(), id)
                .query(this::subscription)
                .optional();
    }

    @Transactional(readOnly = true)
    public List<Subscription> active(TenantId tenant) {
        return jdbc.sql("select * from webhook_subscriptions where tenant_id = ? and status = 'ACTIVE'")
                .params(tenant.value())
                .query(this::subscription)
                .list();
    }

    /** The delivery that holds the subscription's queue while it is retried, if any. */
    @Transactional(readOnly = true)
    public Optional<Delivery> retrying(TenantId tenant, UUID subscriptionId) {
        return jdbc.sql("select * from webhook_deliveries where tenant_id = ? and subscription_id = ? "
                        + "and status = 'RETRYING' and not test order by event_seq limit 1")
                .params(tenant.value(), subscriptionId)
                .query(WebhookStore::delivery)
                .optional();
    }

    @Transactional(readOnly = true)
    public Optional<Delivery> delivery(TenantId tenant, UUID subscriptionId, UUID id) {
        return jdbc.sql("select * from webhook_deliveries where tenant_id = ? and subscription_id = ? and id = ?")
                .params(tenant.value(), subscriptionId, id)
                .query(WebhookStore::delivery)
                .optional();
    }

    /** The delivery of {@code webhookId} to the subscription: the one stored, or a new PENDING one with {@code body}. */
    @Transactional
    public Delivery open(
            TenantId tenant, UUID subscriptionId, String webhookId, Long seq, String type, boolean test, String body) {
        jdbc.sql("""
                        insert into webhook_deliveries (id, tenant_id, subscription_id, webhook_id, event_seq,
                                                        event_type, test, body, status)
                        values (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING')
                        on conflict (subscription_id, webhook_id) do nothing
                        """)
                .params(UUID.randomUUID(), tenant.value(), subscriptionId, webhookId, seq, type, test, body)
                .update();
        return jdbc.sql(
                        "select * from webhook_deliveries where tenant_id = ? and subscription_id = ? and webhook_id = ?")
                .params(tenant.value(), subscriptionId, webhookId)
                .query(WebhookStore::delivery)
                .single();
    }

    /**
     * Records one attempt: DELIVERED on a 2xx (and, for an event delivery, the subscription's cursor moves past it),
     * else RETRYING until {@code nextAttempt}, or FAILED when {@code nextAttempt} is null.
     */
    @Transactional
    public void attempted(
            TenantId tenant, UUID subscriptionId, UUID deliveryId, Attempt attempt, Instant at, Instant nextAttempt) {
        String status = attempt.delivered() ? "DELIVERED" : nextAttempt == null ? "FAILED" : "RETRYING";
        Long seq = jdbc.sql("""
                        update webhook_deliveries
                        set status = ?, attempts = attempts + 1, response_code = ?, response_excerpt = ?, error = ?,
                            latency_ms = ?, first_attempt_at = coalesce(first_attempt_at, ?), last_attempt_at = ?,
                            next_attempt_at = ?, delivered_at = case when ? then ? else delivered_at end,
                            updated_at = now()
                        where tenant_id = ? and id = ?
                        returning case when test then null else event_seq end
                        """)
                .params(
                        status,
                        attempt.status() == 0 ? null : attempt.status(),
                        attempt.excerpt(),
                        attempt.error() == null ? null : truncate(attempt.error()),
                        attempt.latencyMillis(),
                        Timestamp.from(at),
                        Timestamp.from(at),
                        nextAttempt == null ? null : Timestamp.from(nextAttempt),
                        attempt.delivered(),
                        Timestamp.from(at),
                        tenant.value(),
                        deliveryId)
                .query((rs, n) -> (Long) rs.getObject(1))
                .optional()
                .orElse(null);
        jdbc.sql("""
                        update webhook_subscriptions
                        set last_delivery_at = ?, last_status = ?,
                            cursor_seq = case when ? and ?::bigint is not null then greatest(cursor_seq, ?::bigint)
                                              else cursor_seq end
                        where tenant_id = ? and id = ?
                        """)
                .params(Timestamp.from(at), status, attempt.delivered(), seq, seq, tenant.value(), subscriptionId)
                .update();
    }

    /** Moves the cursor past events the subscription does not want (never backwards). */
    @Transactional
    public void advance(TenantId tenant, UUID subscriptionId, long seq) {
        jdbc.sql("update webhook_subscriptions set cursor_seq = greatest(cursor_seq, ?) where tenant_id = ? and id = ?")
                .params(seq, tenant.value(), subscriptionId)
                .update();
    }

    /** Brings a retried delivery's next attempt forward to now (a person asked to resend it). */
    @Transactional
    public void retryNow(TenantId tenant, UUID deliveryId, Instant now) {
        jdbc.sql("update webhook_deliveries set next_attempt_at = ?, updated_at = now() where tenant_id = ? "
                        + "and id = ? and status = 'RETRYING'")
                .params(Timestamp.from(now), tenant.value(), deliveryId)
                .update();
    }

    /** Disables a subscription that kept failing (a system decision), with its event; false when it was not active. */
    @Transactional
    public boolean disableFailing(TenantId tenant, UUID subscriptionId, String reason, Instant at) {
        Optional<Subscription> sub = jdbc.sql("""
                        update webhook_subscriptions set status = 'DISABLED', disabled_reason = ?, updated_at = ?
                        where tenant_id = ? and id = ? and status = 'ACTIVE' returning *
                        """)
                .params(truncate(reason), Timestamp.from(at), tenant.value(), subscriptionId)
                .query(this::subscription)
                .optional();
        sub.ifPresent(s -> events.publishEvent(
                new WebhookSubscriptionDisabled(tenant.value(), s.id(), s.url(), reason, Actor.system())));
        return sub.isPresent();
    }

    Subscription subscription(ResultSet rs, int n) throws SQLException {
        try {
            return new Subscription(
                    rs.getObject("id", UUID.class),
                    rs.getObject("tenant_id", UUID.class),
                    rs.getString("url"),
                    rs.getString("description"),
                    json.readValue(rs.getString("event_types"), STRINGS),
                    rs.getString("status"),
                    rs.getString("disabled_reason"),
                    rs.getLong("cursor_seq"),
                    rs.getString("secret_sealed"),
                    rs.getString("secret_last_four"),
                    rs.getString("previous_secret_sealed"),
                    instant(rs, "previous_secret_expires_at"),
                    instant(rs, "last_delivery_at"),
                    rs.getString("last_status"),
                    instant(rs, "created_at"),
                    instant(rs, "updated_at"));
        } catch (JsonProcessingException e) {
            throw new SQLException("event_types of webhook subscription is not a JSON list", e);
        }
    }

    static Delivery delivery(ResultSet rs, int n) throws SQLException {
        return new Delivery(
                new WebhookDeliveryView(
                        rs.getObject("id", UUID.class),
                        rs.getObject("subscription_id", UUID.class),
                        rs.getString("webhook_id"),
                        (Long) rs.getObject("event_seq"),
                        rs.getString("event_type"),
                        rs.getBoolean("test"),
                        rs.getString("status"),
                        rs.getInt("attempts"),
                        (Integer) rs.getObject("response_code"),
                        rs.getString("response_excerpt"),
                        rs.getString("error"),
                        (Long) rs.getObject("latency_ms"),
                        instant(rs, "first_attempt_at"),
                        instant(rs, "last_attempt_at"),
                        instant(rs, "next_attempt_at"),
                        instant(rs, "delivered_at"),
                        instant(rs, "created_at")),
                rs.getString("body"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static String truncate(String s) {
        return s.length() > 1000 ? s.substring(0, 1000) : s;
    }
}
