package ai.revo.missioncontrol.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LiveSubscriberTest {

    private static EventEnvelope event(long seq) {
        return new EventEnvelope(
                UUID.randomUUID(),
                seq,
                "test.happened",
                EventCategory.SYSTEM,
                "test",
                "1",
                null,
                null,
                Actor.system(),
                Instant.now(),
                Map.of());
    }

    /** A client that never reads: its writes block forever. */
    static final class StuckSink implements LiveSubscriber.Sink {
        final CountDownLatch closed = new CountDownLatch(1);
        final CountDownLatch blocked = new CountDownLatch(1);

        @Override
        public void send(EventEnvelope event, String json) throws Exception {
            blocked.countDown();
            new CountDownLatch(1).await();
        }

        @Override
        public void keepAlive() {}

        @Override
        public void close(String reason) {
            closed.countDown();
        }
    }

    static final class RecordingSink implements LiveSubscriber.Sink {
        final List<Long> seqs = new CopyOnWriteArrayList<>();
        final java.util.concurrent.atomic.AtomicInteger keepAlives = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public void send(EventEnvelope event, String json) {
            seqs.add(event.seq());
        }

        @Override
        public void keepAlive() {
            keepAlives.incrementAndGet();
        }

        @Override
        public void close(String reason) {}
    }

    private static final java.util.concurrent.ExecutorService DRAINER = Executors.newCachedThreadPool();

    private static LiveSubscriber subscriber(LiveSubscriber.Sink sink, int capacity) {
        return new LiveSubscriber(UUID.randomUUID(), EventFilter.ALL, sink, capacity, DRAINER);
    }

    @Test
    void aStuckClientIsDroppedWithoutSlowingThePublisherOrOthers() throws Exception {
        StuckSink stuck = new StuckSink();
        RecordingSink healthy = new RecordingSink();
        LiveSubscriber slow = subscriber(stuck, 10);
        LiveSubscriber fast = subscriber(healthy, 1000);
        slow.goLive(0);
        fast.goLive(0);
        long started = System.nanoTime();
        for (int i = 1; i <= 100; i++) {
            EventEnvelope e = event(i);
            slow.offer(e, "{}");
            fast.offer(e, "{}");
        }
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertThat(stuck.closed.await(5, TimeUnit.SECONDS))
                .as("stuck client dropped")
                .isTrue();
        assertThat(slow.isClosed()).isTrue();
        assertThat(elapsedMs).as("offering never waited on the stuck client").isLessThan(1_000);
        await().atMost(Duration.ofSeconds(5)).until(() -> healthy.seqs.size() >= 100);
        assertThat(healthy.seqs).hasSize(100).isSorted();
    }

    @Test
    void eventsQueuedDuringReplayAreNotSentTwice() throws Exception {
        RecordingSink sink = new RecordingSink();
        LiveSubscriber s = subscriber(sink, 100);
        for (int i = 1; i <= 5; i++) {
            s.offer(event(i), "{}");
        }
        // the replay already sent up to 3
        s.goLive(3);
        // a later event is the sign that everything queued before it was handled
        s.offer(event(6), "{}");
        await().atMost(Duration.ofSeconds(5)).until(() -> sink.seqs.contains(6L));
        assertThat(sink.seqs).containsExactly(4L, 5L, 6L);
    }

    @Test
    void aClientWhoseAccessWasRevokedIsClosedAtTheNextKeepAlive() throws Exception {
        RecordingSink sink = new RecordingSink();
        LiveSubscriber s = subscriber(sink, 100);
        boolean[] allowed = {true};
        s.guardWith(() -> allowed[0]);
        s.goLive(0);
        s.keepAlive();
        // the keep-alive reached the client: the access check ran and let it stay
        await().atMost(Duration.ofSeconds(5)).until(() -> sink.keepAlives.get() == 1);
        assertThat(s.isClosed()).isFalse();
        allowed[0] = false;
        s.keepAlive();
        await().atMost(Duration.ofSeconds(5)).until(s::isClosed);
        assertThat(sink.keepAlives.get())
                .as("no keep-alive is written to a revoked client")
                .isEqualTo(1);
    }
}
