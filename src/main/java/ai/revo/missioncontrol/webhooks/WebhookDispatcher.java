package ai.revo.missioncontrol.webhooks;

import ai.revo.missioncontrol.activity.ActivityFeed;
import ai.revo.missioncontrol.activity.EventEnvelope;
import ai.revo.missioncontrol.activity.EventFilter;
import ai.revo.missioncontrol.activity.FeedPage;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.outbound.WebhookPoster;
import ai.revo.missioncontrol.outbound.WebhookPoster.Attempt;
import ai.revo.missioncontrol.platform.TenantContext;
import ai.revo.missioncontrol.platform.secrets.SecretCipher;
import ai.revo.missioncontrol.webhooks.WebhookStore.Delivery;
import ai.revo.missioncontrol.webhooks.WebhookStore.Subscription;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Delivers a subscription's events in feed order, one at a time, outside any transaction: each event it wants is
 * stored as a delivery with the exact body, posted signed, and the outcome recorded; on a 2xx the cursor moves past
 * it, on a failure the queue holds (order per subscription) and the same delivery is tried again on the backoff
 * schedule ({@code MC_WEBHOOKS_RETRY_DELAYS}), until {@code MC_WEBHOOKS_GIVE_UP_AFTER} (24 h) after its first
 * attempt, when it is FAILED and the subscription disabled (which raises a notification). Enabled again, it resumes
 * with that event.
 */
@Component
class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 100;
    /** One run delivers for at most this long, then lets other work run and comes back at once. */
    private static final Duration RUN_BUDGET = Duration.ofSeconds(60);

    private final WebhookStore store;
    private final ActivityFeed feed;
    private final WebhookPoster poster;
    private final SecretCipher cipher;
    private final DeliveryQueue queue;
    private final ObjectMapper json;
    private final Clock clock;
    private final List<Duration> delays;
    private final Duration giveUpAfter;
    private final Duration idleCheck;

    WebhookDispatcher(
            WebhookStore store,
            ActivityFeed feed,
            WebhookPoster poster,
            SecretCipher cipher,
            DeliveryQueue queue,
            ObjectMapper json,
            Clock clock,
            @Value("${mc.webhooks.retry-delays:5s,5m,30m,2h,5h,10h}") List<Duration> delays,
            @Value("${mc.webhooks.give-up-after:24h}") Duration giveUpAfter,
            @Value("${mc.webhooks.idle-check:15s}") Duration idleCheck) {
        this.store = store;
        this.feed = feed;
        this.poster = poster;
        this.cipher = cipher;
        this.queue = queue;
        this.json = json;
        this.clock = clock;
        this.delays = delays.isEmpty() ? List.of(Duration.ofMinutes(5)) : List.copyOf(delays);
        this.giveUpAfter = giveUpAfter;
        this.idleCheck = idleCheck;
    }

    /** One run of a subscription's dispatch; answers when to run next, or null when the subscription is gone. */
    Instant dispatch(TenantId tenant, UUID subscriptionId) {
        return TenantContext.callAs(tenant.value(), () -> run(tenant, subscriptionId));
    }

    private Instant run(TenantId tenant, UUID id) {
        Instant started = clock.instant();
        Optional<Subscription> found = store.subscription(tenant, id);
        if (found.isEmpty() || !found.get().active()) {
            return null; // removed, or disabled: enabling it starts its dispatch again
        }
        Subscription sub = found.get();
        Delivery held = store.retrying(tenant, id).orElse(null);
        if (held != null
                && held.view().nextAttemptAt() != null
                && held.view().nextAttemptAt().isAfter(started)) {
            return held.view().nextAttemptAt();
        }
        long cursor = sub.cursorSeq();
        while (true) {
            FeedPage page = feed.feed(tenant, EventFilter.ALL, cursor, BATCH, true);
            for (EventEnvelope e : page.data()) {
                if (!sub.wants(e.type())) {
                    cursor = e.seq();
                    continue;
                }
                if (cursor > sub.cursorSeq()) {
                    store.advance(tenant, id, cursor); // past the events it does not want, before posting
                }
                String webhookId = e.id().toString();
                Delivery delivery = held != null && held.view().webhookId().equals(webhookId)
                        ? held
                        : store.open(tenant, id, webhookId, e.seq(), e.type(), false, body(e));
                held = null;
                Instant at = clock.instant();
                Attempt attempt = post(sub, delivery, at);
                if (attempt.delivered()) {
                    store.attempted(tenant, id, delivery.view().id(), attempt, at, null);
                    cursor = e.seq();
                    sub = withCursor(sub, cursor);
                    continue;
                }
                Instant first = delivery.view().firstAttemptAt() == null
                        ? at
                        : delivery.view().firstAttemptAt();
                Instant giveUp = first.plus(giveUpAfter);
                if (!at.isBefore(giveUp)) {
                    store.attempted(tenant, id, delivery.view().id(), attempt, at, null);
                    store.disableFailing(
                            tenant,
                            id,
                            "Disabled after failing for " + giveUpAfter.toHours() + " h: " + e.type()
                                    + " (event " + e.seq() + ") was not accepted, last answer: "
                                    + describe(attempt),
                            at);
                    return null;
                }
                Duration wait = delays.get(Math.min(delivery.view().attempts(), delays.size() - 1));
                Instant next = at.plus(wait).isAfter(giveUp) ? giveUp : at.plus(wait);
                store.attempted(tenant, id, delivery.view().id(), attempt, at, next);
                log.info(
                        "Webhook delivery {} to {} failed ({}); attempt {} at {}",
                        webhookId,
                        sub.url(),
                        describe(attempt),
                        delivery.view().attempts() + 2,
                        next);
                return next;
            }
            if (!page.data().isEmpty()) {
                cursor =
                        Math.max(cursor, page.data().get(page.data().size() - 1).seq());
            }
            if (!page.pagination().hasMore()) {
                break;
            }
            if (Duration.between(started, clock.instant()).compareTo(RUN_BUDGET) > 0) {
                store.advance(tenant, id, cursor);
                return clock.instant();
            }
        }
        if (cursor > sub.cursorSeq()) {
            store.advance(tenant, id, cursor);
        }
        // an event committed while this run read may have poked it in vain: go round once more at once
        return queue.pokedSince(id, started) ? clock.instant() : clock.instant().plus(idleCheck);
    }

    /** One attempt of a test event or a resend; recorded, never retried. */
    void attemptOnce(TenantId tenant, UUID subscriptionId, UUID deliveryId) {
        TenantContext.runAs(tenant.value(), () -> {
            Optional<Subscription> sub = store.subscription(tenant, subscriptionId);
            Optional<Delivery> delivery = store.delivery(tenant, subscriptionId, deliveryId);
            if (sub.isEmpty() || delivery.isEmpty()) {
                return;
            }
            Instant at = clock.instant();
            Attempt attempt = post(sub.get(), delivery.get(), at);
            Instant first = delivery.get().view().firstAttemptAt();
            boolean heldByQueue = "RETRYING".equals(delivery.get().view().status());
            // a resend of the delivery the queue is retrying keeps it retrying; the queue's own attempt decides
            Instant next = attempt.delivered() || !heldByQueue
                    ? null
                    : delivery.get().view().nextAttemptAt() == null
                            ? at
                            : delivery.get().view().nextAttemptAt();
            store.attempted(tenant, subscriptionId, deliveryId, attempt, at, next);
            if (first == null && !attempt.delivered()) {
                log.info("Webhook test to {} failed: {}", sub.get().url(), describe(attempt));
            }
        });
    }

    private Attempt post(Subscription sub, Delivery delivery, Instant at) {
        long timestamp = at.getEpochSecond();
        byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", delivery.view().webhookId());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put(
                "webhook-signature",
                WebhookSigning.signatures(secrets(sub, at), delivery.view().webhookId(), timestamp, body));
        return poster.post(sub.url(), headers, body);
    }

    private List<String> secrets(Subscription sub, Instant at) {
        List<String> secrets = new ArrayList<>(2);
        secrets.add(cipher.open(sub.secretSealed(), Webhooks.secretContext(sub.tenantId(), sub.id())));
        if (sub.previousSecretSealed() != null
                && sub.previousSecretExpiresAt() != null
                && sub.previousSecretExpiresAt().isAfter(at)) {
            secrets.add(cipher.open(sub.previousSecretSealed(), Webhooks.secretContext(sub.tenantId(), sub.id())));
        }
        return secrets;
    }

    /** The body of an event delivery: {@code {id, type, timestamp, data}}, data being the rest of the envelope. */
    String body(EventEnvelope e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("seq", e.seq());
        data.put("category", e.category().name());
        data.put("entityType", e.entityType());
        data.put("entityId", e.entityId());
        data.put("campaignId", e.campaignId());
        data.put("taskId", e.taskId());
        Map<String, Object> actor = new LinkedHashMap<>();
        actor.put("type", e.actor().type().name());
        actor.put("id", e.actor().id());
        actor.put("name", e.actor().name());
        data.put("actor", actor);
        data.put("payload", e.payload());
        return envelope(e.id().toString(), e.type(), e.timestamp(), data);
    }

    String envelope(String id, String type, Instant timestamp, Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("type", type);
        body.put("timestamp", timestamp.toString());
        body.put("data", data);
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("A webhook body is not JSON-serialisable", ex);
        }
    }

    private static Subscription withCursor(Subscription s, long cursor) {
        return new Subscription(
                s.id(),
                s.tenantId(),
                s.url(),
                s.description(),
                s.eventTypes(),
                s.status(),
                s.disabledReason(),
                cursor,
                s.secretSealed(),
                s.secretLastFour(),
                s.previousSecretSealed(),
                s.previousSecretExpiresAt(),
                s.lastDeliveryAt(),
                s.lastStatus(),
                s.createdAt(),
                s.updatedAt());
    }

    static String describe(Attempt attempt) {
        return attempt.status() > 0 ? "HTTP " + attempt.status() : String.valueOf(attempt.error());
    }
}
