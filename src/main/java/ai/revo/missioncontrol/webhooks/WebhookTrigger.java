package ai.revo.missioncontrol.webhooks;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.MissionEvent;
import ai.revo.missioncontrol.platform.TenantContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Brings a subscription's dispatch forward when an event it wants commits, so deliveries normally leave within a
 * moment; off the committing thread, and without touching the database for a workspace that has no subscriptions
 * (the active ones are cached per workspace for a few seconds, forgotten at once when this node changes them). This
 * is only a hurry-up: each dispatch also looks for new events on its own every {@code MC_WEBHOOKS_IDLE_CHECK}, so a
 * poke lost (a node stopped, a change made on another node) delays a delivery, never loses it.
 */
@Component
class WebhookTrigger implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebhookTrigger.class);
    private static final long CACHE_NANOS = Duration.ofSeconds(10).toNanos();

    private record Cached(List<WebhookStore.Subscription> active, long loadedAt) {}

    private final WebhookStore store;
    private final DeliveryQueue queue;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();
    private final Map<UUID, Set<String>> pending = new ConcurrentHashMap<>();
    private final ExecutorService pokes = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "webhook-pokes");
        t.setDaemon(true);
        return t;
    });

    WebhookTrigger(WebhookStore store, DeliveryQueue queue) {
        this.store = store;
        this.queue = queue;
    }

    /**
     * A plain listener that hooks the commit itself: a {@code @TransactionalEventListener} on every event would make
     * Spring Modulith store a publication per event and complete it in a transaction of its own, a second
     * connection while the request still holds its first.
     */
    @EventListener
    void published(MissionEvent event) {
        UUID tenant = event.tenantId();
        if (knownWithout(tenant) || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        String type = event.type();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                committed(tenant, type);
            }
        });
    }

    private boolean knownWithout(UUID tenant) {
        Cached cached = cache.get(tenant);
        return cached != null
                && System.nanoTime() - cached.loadedAt() < CACHE_NANOS
                && cached.active().isEmpty();
    }

    private void committed(UUID tenant, String type) {
        Set<String> types = pending.computeIfAbsent(tenant, t -> ConcurrentHashMap.newKeySet());
        boolean first = types.isEmpty();
        types.add(type);
        if (first) {
            try {
                pokes.execute(() -> poke(tenant));
            } catch (RuntimeException rejected) {
                pending.remove(tenant);
            }
        }
    }

    void forget(UUID tenant) {
        cache.remove(tenant);
    }

    private void poke(UUID tenant) {
        Set<String> types = pending.remove(tenant);
        if (types == null || types.isEmpty()) {
            return;
        }
        try {
            TenantId id = new TenantId(tenant);
            Cached cached = cache.get(tenant);
            if (cached == null || System.nanoTime() - cached.loadedAt() >= CACHE_NANOS) {
                cached = new Cached(TenantContext.callAs(tenant, () -> store.active(id)), System.nanoTime());
                cache.put(tenant, cached);
            }
            for (WebhookStore.Subscription sub : cached.active()) {
                if (types.stream().anyMatch(sub::wants)) {
                    queue.poke(id, sub.id());
                }
            }
        } catch (RuntimeException e) {
            log.debug("Could not hurry the webhooks of workspace {}: {}", tenant, e.getMessage());
        }
    }

    @Override
    public void destroy() {
        pokes.shutdownNow();
    }
}
