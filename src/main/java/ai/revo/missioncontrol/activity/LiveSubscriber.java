package ai.revo.missioncontrol.activity;

import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connected client (an SSE stream or a WebSocket) of one workspace. Events are queued without ever blocking the
 * publisher; a drain task writes them out. When a client falls too far behind its queue overflows and it is
 * dropped; it resumes from its last seq with {@code Last-Event-ID}.
 */
public final class LiveSubscriber {

    /** Where the events go: an SSE emitter or a WebSocket session. */
    public interface Sink {
        /** {@code json} is the envelope already serialised, once for all clients. */
        void send(EventEnvelope event, String json) throws Exception;

        void keepAlive() throws Exception;

        void close(String reason);
    }

    private static final Logger log = LoggerFactory.getLogger(LiveSubscriber.class);

    private record Queued(EventEnvelope event, String json) {}

    private static final Queued KEEP_ALIVE = new Queued(null, null);

    private final UUID tenantId;
    private volatile EventFilter filter;
    private final Sink sink;
    private final BlockingQueue<Queued> queue;
    private final Executor drainer;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean live;
    private volatile long lastSeq;
    private Runnable onClose = () -> {};
    private volatile java.util.function.BooleanSupplier stillAllowed = () -> true;

    LiveSubscriber(UUID tenantId, EventFilter filter, Sink sink, int capacity, Executor drainer) {
        this.tenantId = tenantId;
        this.filter = filter;
        this.sink = sink;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.drainer = drainer;
    }

    UUID tenantId() {
        return tenantId;
    }

    public boolean isClosed() {
        return closed.get();
    }

    /** Narrows or widens what this client receives from now on. */
    public void refilter(EventFilter newFilter) {
        this.filter = newFilter;
    }

    void onClose(Runnable callback) {
        this.onClose = callback;
    }

    /**
     * Re-checked at every keep-alive: when it answers false (user deactivated, role changed, token expired or
     * signed out) the stream is closed.
     */
    void guardWith(java.util.function.BooleanSupplier check) {
        this.stillAllowed = check;
    }

    /** Called by the publisher's thread; never blocks. {@code json} is the serialised envelope. */
    void offer(EventEnvelope event, String json) {
        if (closed.get() || !filter.matches(event)) {
            return;
        }
        if (!queue.offer(new Queued(event, json))) {
            log.info(
                    "Dropping a live client of workspace {} that fell behind; it resumes with Last-Event-ID", tenantId);
            close("overflow");
            return;
        }
        scheduleDrain();
    }

    void keepAlive() {
        if (!closed.get() && live && queue.offer(KEEP_ALIVE)) {
            scheduleDrain();
        }
    }

    /** Replay is done: events up to {@code seq} were sent, so queued events at or below it are skipped. */
    void goLive(long seq) {
        lastSeq = seq;
        live = true;
        scheduleDrain();
    }

    public void close(String reason) {
        if (closed.compareAndSet(false, true)) {
            queue.clear();
            onClose.run();
            sink.close(reason);
        }
    }

    private void scheduleDrain() {
        if (live && draining.compareAndSet(false, true)) {
            drainer.execute(this::drain);
        }
    }

    private void drain() {
        try {
            Queued next;
            while (!closed.get() && (next = queue.poll()) != null) {
                if (next == KEEP_ALIVE) {
                    if (!stillAllowed.getAsBoolean()) {
                        close("access revoked");
                        return;
                    }
                    sink.keepAlive();
                } else if (next.event().seq() > lastSeq) {
                    sink.send(next.event(), next.json());
                    lastSeq = next.event().seq();
                }
            }
        } catch (Exception e) {
            close("write failed");
        } finally {
            draining.set(false);
        }
        if (!closed.get() && !queue.isEmpty()) {
            scheduleDrain();
        }
    }
}
