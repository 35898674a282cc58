package ai.revo.missioncontrol.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;

class LiveSubscriberTest {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules();

    private static EventEnvelope event(long seq) {
        return new EventEnvelope(UUID.randomUUID(), seq, "test.happened", EventCategory.SYSTEM, "test", "1", null,
                null, Actor.system(), Instant.now(), Map.of());
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
        public void keepAlive() {
        }

        @Override
        public void close(String reason) {
            closed.countDown();
        }
    }

    static final class RecordingSink implements LiveSubscriber.Sink {
        final List<Long> seqs = new CopyOnWriteArrayList<>();

        @Override
        public void send(EventEnvelope event, String json) {
            seqs.add(event.seq());
        }

        @Override
        public void keepAlive() {
        }

        @Override
        public void close(String reason) {
        }
    }

    @Test
    void aStuckClientIsDroppedWithoutSlowingThePublisherOrOthers() throws Exception {
        LiveEvents live = new LiveEvents(10, JSON);
        UUID tenant = UUID.randomUUID();
        StuckSink stuck = new StuckSink();
        RecordingSink healthy = new RecordingSink();
        LiveSubscriber slow = live.subscribe(tenant, EventFilter.ALL, stuck);
        LiveSubscriber fast = live.subscribe(tenant, EventFilter.ALL, healthy);
        slow.goLive(0);
        fast.goLive(0);
        long started = System.nanoTime();
        for (int i = 1; i <= 100; i++) {
            live.publish(tenant, event(i));
            if (i % 5 == 0) {
                Thread.sleep(5);
            }
        }
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertThat(stuck.closed.await(5, TimeUnit.SECONDS)).as("stuck client dropped").isTrue();
        assertThat(slow.isClosed()).isTrue();
        assertThat(elapsedMs).as("publishing never waited on the stuck client").isLessThan(5_000);
        for (int i = 0; i < 50 && healthy.seqs.size() < 100; i++) {
            Thread.sleep(20);
        }
        assertThat(healthy.seqs).hasSize(100).isSorted();
        assertThat(live.clientCount()).isEqualTo(1);
        live.destroy();
    }

    @Test
    void eventsQueuedDuringReplayAreNotSentTwice() throws Exception {
        LiveEvents live = new LiveEvents(100, JSON);
        UUID tenant = UUID.randomUUID();
        RecordingSink sink = new RecordingSink();
        LiveSubscriber s = live.subscribe(tenant, EventFilter.ALL, sink);
        for (int i = 1; i <= 5; i++) {
            live.publish(tenant, event(i));
        }
        // the replay already sent up to 3
        s.goLive(3);
        for (int i = 0; i < 50 && sink.seqs.size() < 2; i++) {
            Thread.sleep(10);
        }
        assertThat(sink.seqs).containsExactly(4L, 5L);
        live.destroy();
    }

    @Test
    void onlyTheSameWorkspaceReceives() throws Exception {
        LiveEvents live = new LiveEvents(100, JSON);
        RecordingSink mine = new RecordingSink();
        live.subscribe(UUID.randomUUID(), EventFilter.ALL, mine).goLive(0);
        live.publish(UUID.randomUUID(), event(1));
        Executors.newSingleThreadExecutor().submit(() -> null).get();
        Thread.sleep(50);
        assertThat(mine.seqs).isEmpty();
        live.destroy();
    }
}
