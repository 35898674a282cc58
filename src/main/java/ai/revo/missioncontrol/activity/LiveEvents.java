package ai.revo.missioncontrol.activity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * This node's live clients, by workspace. A commit on any node is only a signal: the node then reads the
 * workspace's committed events after the last one it delivered, in seq order, from the event log, and hands each
 * (serialised once) to its clients. So events reach clients in commit order whatever order the signals arrive in
 * (local commits, Redis messages from other nodes), and a missed signal is healed by the next one or by the
 * periodic check that runs with the keep-alive.
 */
@Component
class LiveEvents implements DisposableBean, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveEvents.class);
    private static final int BATCH = 500;

    /** One workspace's clients on this node and how far this node has delivered its log. */
    private final class TenantStream {
        final UUID tenant;
        final Set<LiveSubscriber> subscribers = ConcurrentHashMap.newKeySet();
        volatile long lastDelivered;
        final AtomicBoolean fetching = new AtomicBoolean();
        volatile boolean dirty;

        TenantStream(UUID tenant, long lastDelivered) {
            this.tenant = tenant;
            this.lastDelivered = lastDelivered;
        }
    }

    private final Map<UUID, TenantStream> streams = new ConcurrentHashMap<>();
    private final ExecutorService drainer = Executors.newCachedThreadPool(daemonThreads("live-events-"));
    private final ExecutorService fetcher = Executors.newCachedThreadPool(daemonThreads("live-fetch-"));
    private final int bufferSize;
    private final ObjectMapper json;
    private final EventLog eventLog;
    private volatile BiConsumer<UUID, Long> relay = (tenant, seq) -> {};
    private volatile boolean running;

    LiveEvents(@Value("${mc.events.client-buffer:1000}") int bufferSize, ObjectMapper json, EventLog eventLog) {
        this.bufferSize = bufferSize;
        this.json = json;
        this.eventLog = eventLog;
    }

    /** Installed by the Redis relay when Redis is configured. */
    void relayTo(BiConsumer<UUID, Long> relay) {
        this.relay = relay;
    }

    /** Events of {@code tenant} were numbered up to {@code seq} on this node: deliver here and tell the others. */
    void numbered(UUID tenant, long seq) {
        signal(tenant, seq);
        relay.accept(tenant, seq);
    }

    /** Something was committed for {@code tenant} up to {@code seq} (here or on another node). */
    void signal(UUID tenant, long seq) {
        TenantStream stream = streams.get(tenant);
        if (stream == null || stream.subscribers.isEmpty() || seq <= stream.lastDelivered) {
            return;
        }
        fetch(stream);
    }

    LiveSubscriber subscribe(UUID tenant, EventFilter filter, LiveSubscriber.Sink sink) {
        TenantStream stream = streams.computeIfAbsent(tenant, t -> new TenantStream(t, eventLog.latestSeq(t)));
        LiveSubscriber subscriber = new LiveSubscriber(tenant, filter, sink, bufferSize, drainer);
        stream.subscribers.add(subscriber);
        subscriber.onClose(() -> stream.subscribers.remove(subscriber));
        return subscriber;
    }

    int clientCount() {
        return streams.values().stream().mapToInt(s -> s.subscribers.size()).sum();
    }

    private void fetch(TenantStream stream) {
        if (!stream.fetching.compareAndSet(false, true)) {
            stream.dirty = true;
            return;
        }
        fetcher.execute(() -> {
            try {
                boolean more;
                do {
                    stream.dirty = false;
                    List<EventEnvelope> batch =
                            eventLog.after(stream.tenant, EventFilter.ALL, stream.lastDelivered, BATCH);
                    for (EventEnvelope event : batch) {
                        String serialised = serialise(event);
                        stream.subscribers.forEach(s -> s.offer(event, serialised));
                        stream.lastDelivered = event.seq();
                    }
                    more = batch.size() == BATCH || stream.dirty;
                } while (more && !stream.subscribers.isEmpty());
            } catch (RuntimeException e) {
                log.warn(
                        "Could not read new events of workspace {} for live clients: {}",
                        stream.tenant,
                        e.getMessage());
            } finally {
                stream.fetching.set(false);
            }
            if (stream.dirty) {
                fetch(stream);
            }
        });
    }

    String serialise(EventEnvelope event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise event " + event.seq(), e);
        }
    }

    /** Keeps idle connections open, re-checks who may still listen, and catches up on any missed signal. */
    @Scheduled(fixedDelayString = "${mc.events.keep-alive:30s}", initialDelayString = "${mc.events.keep-alive:30s}")
    void keepAlive() {
        streams.values().forEach(stream -> {
            if (!stream.subscribers.isEmpty()) {
                stream.subscribers.forEach(LiveSubscriber::keepAlive);
                fetch(stream);
            }
        });
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Runs before the web server's graceful shutdown (a higher phase stops first): open streams are closed so they
     * do not hold the shutdown for its whole timeout. Clients reconnect to another node with Last-Event-ID.
     */
    @Override
    public void stop() {
        running = false;
        streams.values().forEach(stream -> stream.subscribers.forEach(s -> s.close("shutdown")));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    @Override
    public void destroy() {
        stop();
        drainer.shutdownNow();
        fetcher.shutdownNow();
    }

    static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
