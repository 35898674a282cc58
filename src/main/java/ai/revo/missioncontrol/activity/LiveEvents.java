package ai.revo.missioncontrol.activity;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * This node's live clients, by workspace. Events committed on this node are delivered here directly and, when Redis
 * is configured, relayed to the other nodes; events relayed from other nodes arrive through {@link #deliver}.
 */
@Component
class LiveEvents implements DisposableBean, SmartLifecycle {

    private final Map<UUID, Set<LiveSubscriber>> byTenant = new ConcurrentHashMap<>();
    private final ExecutorService drainer = Executors.newCachedThreadPool(daemonThreads("live-events-"));
    private final int bufferSize;
    private volatile BiConsumer<UUID, EventEnvelope> relay = (tenant, event) -> { };

    private final ObjectMapper json;

    LiveEvents(@Value("${mc.events.client-buffer:1000}") int bufferSize, ObjectMapper json) {
        this.bufferSize = bufferSize;
        this.json = json;
    }

    /** Installed by the Redis relay when Redis is configured. */
    void relayTo(BiConsumer<UUID, EventEnvelope> relay) {
        this.relay = relay;
    }

    /** An event committed on this node. */
    void publish(UUID tenant, EventEnvelope event) {
        deliver(tenant, event);
        relay.accept(tenant, event);
    }

    /** Hands an event to this node's clients of the same workspace. */
    void deliver(UUID tenant, EventEnvelope event) {
        Set<LiveSubscriber> subscribers = byTenant.get(tenant);
        if (subscribers == null || subscribers.isEmpty()) {
            return;
        }
        String serialised = serialise(event);
        subscribers.forEach(s -> s.offer(event, serialised));
    }

    String serialise(EventEnvelope event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise event " + event.seq(), e);
        }
    }

    LiveSubscriber subscribe(UUID tenant, EventFilter filter, LiveSubscriber.Sink sink) {
        LiveSubscriber subscriber = new LiveSubscriber(tenant, filter, sink, bufferSize, drainer);
        Set<LiveSubscriber> set = byTenant.computeIfAbsent(tenant, t -> ConcurrentHashMap.newKeySet());
        set.add(subscriber);
        subscriber.onClose(() -> set.remove(subscriber));
        return subscriber;
    }

    int clientCount() {
        return byTenant.values().stream().mapToInt(Set::size).sum();
    }

    @Scheduled(fixedDelayString = "${mc.events.keep-alive:30s}", initialDelayString = "${mc.events.keep-alive:30s}")
    void keepAlive() {
        byTenant.values().forEach(set -> set.forEach(LiveSubscriber::keepAlive));
    }

    private volatile boolean running;

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
        byTenant.values().forEach(set -> set.forEach(s -> s.close("shutdown")));
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
        byTenant.values().forEach(set -> set.forEach(s -> s.close("shutdown")));
        drainer.shutdownNow();
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
