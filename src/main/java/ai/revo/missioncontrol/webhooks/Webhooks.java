package ai.revo.missioncontrol.webhooks;

import ai.revo.missioncontrol.activity.ActivityFeed;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.outbound.WebhookPoster;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import ai.revo.missioncontrol.platform.secrets.SecretCipher;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A workspace's outbound webhooks: subscribe a URL to event types (the secret answered once), change, disable or
 * enable, remove, rotate the secret (the previous one keeps signing for {@code MC_WEBHOOKS_SECRET_GRACE}), the
 * delivery log, a test event and a resend. A new subscription receives the events that happen after it is created.
 */
@Service
public class Webhooks {

    static final int MAX_SUBSCRIPTIONS = 25;
    static final int MAX_EVENT_TYPES = 30;
    private static final Pattern EVENT_TYPE = Pattern.compile("\\*|[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*\\.?");
    private static final Set<String> STATUSES = Set.of("PENDING", "RETRYING", "DELIVERED", "FAILED");

    private final JdbcClient jdbc;
    private final WebhookStore store;
    private final DeliveryQueue queue;
    private final WebhookPoster poster;
    private final WebhookDispatcher dispatcher;
    private final ActivityFeed feed;
    private final SecretCipher cipher;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration grace;
    private final WebhookTrigger trigger;

    Webhooks(
            JdbcClient jdbc,
            WebhookStore store,
            DeliveryQueue queue,
            WebhookPoster poster,
            WebhookDispatcher dispatcher,
            ActivityFeed feed,
            SecretCipher cipher,
            ApplicationEventPublisher events,
            ObjectMapper json,
            Clock clock,
            @Value("${mc.webhooks.secret-grace:24h}") Duration grace,
            WebhookTrigger trigger) {
        this.jdbc = jdbc;
        this.store = store;
        this.queue = queue;
        this.poster = poster;
        this.dispatcher = dispatcher;
        this.feed = feed;
        this.cipher = cipher;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.grace = grace;
        this.trigger = trigger;
    }

    static String secretContext(UUID tenant, UUID subscriptionId) {
        return "webhook-secret:" + tenant + ":" + subscriptionId;
    }

    /**
     * Subscribes a URL; answers the subscription with its secret in clear this once. 400 naming the field for a bad
     * URL (not http or https, or an address that is not public), event type or description; 409 past 25 per workspace.
     */
    @Transactional
    public WebhookSubscriptionWithSecret create(TenantId tenant, WebhookRequest request, Actor actor) {
        if (request == null) {
            throw ApiException.invalidField("subscription", "is required");
        }
        String url = url(request.url());
        List<String> types = eventTypes(request.eventTypes(), true);
        String description = description(request.description());
        long count = jdbc.sql("select count(*) from webhook_subscriptions where tenant_id = ?")
                .params(tenant.value())
                .query(Long.class)
                .single();
        if (count >= MAX_SUBSCRIPTIONS) {
            throw ApiException.conflict("A workspace can have at most " + MAX_SUBSCRIPTIONS + " webhook subscriptions");
        }
        UUID id = UUID.randomUUID();
        String secret = WebhookSigning.newSecret();
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into webhook_subscriptions (id, tenant_id, url, description, event_types, status,
                                                           cursor_seq, secret_sealed, secret_last_four, created_by,
                                                           created_at, updated_at)
                        values (?, ?, ?, ?, cast(? as jsonb), 'ACTIVE', ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        id,
                        tenant.value(),
                        url,
                        description,
                        toJson(types),
                        feed.latestSeq(tenant),
                        cipher.seal(secret, secretContext(tenant.value(), id)),
                        SecretCipher.lastFour(secret),
                        actor.name(),
                        Timestamp.from(now),
                        Timestamp.from(now))
                .update();
        queue.start(tenant, id);
        trigger.forget(tenant.value());
        events.publishEvent(new WebhookSubscribed(tenant.value(), id, url, types, actor));
        return new WebhookSubscriptionWithSecret(get(tenant, id), secret);
    }

    @Transactional(readOnly = true)
    public PageResult<WebhookSubscriptionView> list(TenantId tenant, PageQuery page) {
        long total = jdbc.sql("select count(*) from webhook_subscriptions where tenant_id = ?")
                .params(tenant.value())
                .query(Long.class)
                .single();
        Instant now = clock.instant();
        List<WebhookSubscriptionView> rows = jdbc
                .sql("select * from webhook_subscriptions where tenant_id = ? order by created_at, id limit ? offset ?")
                .params(tenant.value(), page.limit(), page.offset())
                .query(store::subscription)
                .list()
                .stream()
                .map(s -> s.view(now))
                .toList();
        return PageResult.of(rows, page, total);
    }

    /** One subscription; 404 when it is not in this workspace. */
    @Transactional(readOnly = true)
    public WebhookSubscriptionView get(TenantId tenant, UUID id) {
        return load(tenant, id).view(clock.instant());
    }

    /**
     * Changes the fields given; {@code enabled} false disables it, true enables it again (deliveries resume with the
     * first event not yet delivered). 400 naming a bad field; 404 when absent.
     */
    @Transactional
    public WebhookSubscriptionView change(TenantId tenant, UUID id, WebhookRequest request, Actor actor) {
        if (request == null) {
            throw ApiException.invalidField("subscription", "is required");
        }
        WebhookStore.Subscription sub = load(tenant, id);
        String url = request.url() == null ? sub.url() : url(request.url());
        List<String> types = request.eventTypes() == null ? sub.eventTypes() : eventTypes(request.eventTypes(), true);
        String description = request.description() == null ? sub.description() : description(request.description());
        Instant now = clock.instant();
        boolean edited = !url.equals(sub.url())
                || !types.equals(sub.eventTypes())
                || !java.util.Objects.equals(description, sub.description());
        if (edited) {
            jdbc.sql("update webhook_subscriptions set url = ?, event_types = cast(? as jsonb), description = ?, "
                            + "updated_at = ? where tenant_id = ? and id = ?")
                    .params(url, toJson(types), description, Timestamp.from(now), tenant.value(), id)
                    .update();
            events.publishEvent(new WebhookSubscriptionEdited(tenant.value(), id, url, types, actor));
        }
        if (Boolean.FALSE.equals(request.enabled()) && sub.active()) {
            String reason = "Disabled by " + actor.name();
            jdbc.sql("update webhook_subscriptions set status = 'DISABLED', disabled_reason = ?, updated_at = ? "
                            + "where tenant_id = ? and id = ?")
                    .params(reason, Timestamp.from(now), tenant.value(), id)
                    .update();
            events.publishEvent(new WebhookSubscriptionDisabled(tenant.value(), id, url, reason, actor));
        } else if (Boolean.TRUE.equals(request.enabled()) && !sub.active()) {
            jdbc.sql("update webhook_subscriptions set status = 'ACTIVE', disabled_reason = null, updated_at = ? "
                            + "where tenant_id = ? and id = ?")
                    .params(Timestamp.from(now), tenant.value(), id)
                    .update();
            // a delivery that gave up is tried again first, from a fresh 24 hours
            jdbc.sql("update webhook_deliveries set status = 'RETRYING', next_attempt_at = ?, first_attempt_at = null "
                            + "where tenant_id = ? and subscription_id = ? and status = 'FAILED' and not test "
                            + "and event_seq > ?")
                    .params(Timestamp.from(now), tenant.value(), id, sub.cursorSeq())
                    .update();
            queue.start(tenant, id);
            events.publishEvent(new WebhookSubscriptionEnabled(tenant.value(), id, url, actor));
        }
        trigger.forget(tenant.value());
        return get(tenant, id);
    }

    /** Removes the subscription and its delivery log; 404 when absent. */
    @Transactional
    public void remove(TenantId tenant, UUID id, Actor actor) {
        WebhookStore.Subscription sub = load(tenant, id);
        jdbc.sql("delete from webhook_subscriptions where tenant_id = ? and id = ?")
                .params(tenant.value(), id)
                .update();
        trigger.forget(tenant.value());
        events.publishEvent(new WebhookSubscriptionRemoved(tenant.value(), id, sub.url(), actor));
    }

    /**
     * Gives the subscription a new secret, answered in clear this once; deliveries are signed with both the new and
     * the previous secret for the grace period, so the receiver can switch without refusing any.
     */
    @Transactional
    public WebhookSubscriptionWithSecret rotateSecret(TenantId tenant, UUID id, Actor actor) {
        WebhookStore.Subscription sub = load(tenant, id);
        String secret = WebhookSigning.newSecret();
        Instant now = clock.instant();
        Instant until = now.plus(grace);
        jdbc.sql("""
                        update webhook_subscriptions
                        set previous_secret_sealed = secret_sealed, previous_secret_expires_at = ?,
                            secret_sealed = ?, secret_last_four = ?, updated_at = ?
                        where tenant_id = ? and id = ?
                        """)
                .params(
                        Timestamp.from(until),
                        cipher.seal(secret, secretContext(tenant.value(), id)),
                        SecretCipher.lastFour(secret),
                        Timestamp.from(now),
                        tenant.value(),
                        id)
                .update();
        events.publishEvent(
                new WebhookSecretRotated(tenant.value(), id, sub.url(), SecretCipher.lastFour(secret), until, actor));
        return new WebhookSubscriptionWithSecret(get(tenant, id), secret);
    }

    /** The subscription's deliveries, newest first, optionally of one status; 400 for an unknown status. */
    @Transactional(readOnly = true)
    public PageResult<WebhookDeliveryView> deliveries(TenantId tenant, UUID id, String status, PageQuery page) {
        load(tenant, id);
        String wanted =
                status == null || status.isBlank() ? null : status.trim().toUpperCase(Locale.ROOT);
        if (wanted != null && !STATUSES.contains(wanted)) {
            throw ApiException.invalidField("status", "must be one of PENDING, RETRYING, DELIVERED, FAILED");
        }
        String where = " where tenant_id = :tenant and subscription_id = :id"
                + (wanted == null ? "" : " and status = :status");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("tenant", tenant.value());
        params.put("id", id);
        if (wanted != null) {
            params.put("status", wanted);
        }
        long total = jdbc.sql("select count(*) from webhook_deliveries" + where)
                .params(params)
                .query(Long.class)
                .single();
        params.put("limit", page.limit());
        params.put("offset", page.offset());
        List<WebhookDeliveryView> rows = jdbc
                .sql("select * from webhook_deliveries" + where
                        + " order by created_at desc, id limit :limit offset :offset")
                .params(params)
                .query(WebhookStore::delivery)
                .list()
                .stream()
                .map(WebhookStore.Delivery::view)
                .toList();
        return PageResult.of(rows, page, total);
    }

    /** One delivery with its body as sent; 404 when absent. */
    @Transactional(readOnly = true)
    public Map<String, Object> delivery(TenantId tenant, UUID id, UUID deliveryId) {
        WebhookStore.Delivery d = store.delivery(tenant, id, deliveryId)
                .orElseThrow(() -> ApiException.notFound("Webhook delivery", deliveryId));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("delivery", d.view());
        answer.put("body", d.body());
        return answer;
    }

    /**
     * Sends a {@code webhook.test} event to the subscription now, whether or not it is enabled, as one attempt in the
     * background (202); the delivery log shows its outcome.
     */
    @Transactional
    public WebhookDeliveryView sendTest(TenantId tenant, UUID id, Actor actor) {
        WebhookStore.Subscription sub = load(tenant, id);
        String webhookId = "test_" + UUID.randomUUID();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("subscriptionId", id.toString());
        data.put("message", "A test event sent by " + actor.name() + " from Revo Mission Control.");
        String body = dispatcher.envelope(webhookId, "webhook.test", clock.instant(), data);
        WebhookStore.Delivery d = store.open(tenant, sub.id(), webhookId, null, "webhook.test", true, body);
        queue.attempt(tenant, id, d.view().id(), 1);
        return d.view();
    }

    /**
     * Sends a logged delivery again with the same body and webhook-id (202). The delivery the queue is retrying is
     * brought forward to now instead, so the order per subscription holds.
     */
    @Transactional
    public WebhookDeliveryView resend(TenantId tenant, UUID id, UUID deliveryId, Actor actor) {
        WebhookStore.Subscription sub = load(tenant, id);
        WebhookStore.Delivery d = store.delivery(tenant, id, deliveryId)
                .orElseThrow(() -> ApiException.notFound("Webhook delivery", deliveryId));
        if ("RETRYING".equals(d.view().status()) && sub.active()) {
            store.retryNow(tenant, deliveryId, clock.instant());
            queue.start(tenant, id);
            queue.poke(tenant, id);
        } else {
            queue.attempt(tenant, id, deliveryId, d.view().attempts() + 1);
        }
        return store.delivery(tenant, id, deliveryId).orElseThrow().view();
    }

    private WebhookStore.Subscription load(TenantId tenant, UUID id) {
        return store.subscription(tenant, id).orElseThrow(() -> ApiException.notFound("Webhook subscription", id));
    }

    private String url(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ApiException.invalidField("url", "is required");
        }
        String url = raw.strip();
        if (url.length() > 2000) {
            throw ApiException.invalidField("url", "must be at most 2000 characters");
        }
        String refusal = poster.refusal(url);
        if (refusal != null) {
            throw ApiException.invalidField("url", refusal);
        }
        return url;
    }

    private static List<String> eventTypes(List<String> given, boolean required) {
        if (given == null || given.isEmpty()) {
            if (required) {
                throw ApiException.invalidField(
                        "eventTypes", "name at least one event type: an exact type (deal.won), a prefix (lead.) or *");
            }
            return List.of();
        }
        if (given.size() > MAX_EVENT_TYPES) {
            throw ApiException.invalidField("eventTypes", "at most " + MAX_EVENT_TYPES + " entries");
        }
        Set<String> types = new LinkedHashSet<>();
        for (String t : given) {
            String type = t == null ? "" : t.trim().toLowerCase(Locale.ROOT);
            if (type.length() > 100 || !EVENT_TYPE.matcher(type).matches()) {
                throw ApiException.invalidField(
                        "eventTypes",
                        "'" + (t == null ? "" : t) + "' is not an event type: use an exact type (deal.won), a "
                                + "prefix ending in a dot (lead.) or *");
            }
            types.add(type);
        }
        return new ArrayList<>(types);
    }

    private static String description(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String d = raw.strip();
        if (d.length() > 500) {
            throw ApiException.invalidField("description", "must be at most 500 characters");
        }
        return d;
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
