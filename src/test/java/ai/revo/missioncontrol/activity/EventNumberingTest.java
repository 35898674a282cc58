package ai.revo.missioncontrol.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import ai.revo.missioncontrol.platform.TenantContext;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import ai.revo.missioncontrol.support.SseClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events are numbered per workspace without a lock between writers: numbers say nothing about other workspaces,
 * writers of one workspace do not wait for each other, and a reader resuming after seq N misses nothing even when
 * an older transaction commits after a newer one.
 */
class EventNumberingTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    record Probe(UUID tenantId) implements MissionEvent {
        @Override
        public String type() {
            return "safety.probe_recorded";
        }

        @Override
        public EventCategory category() {
            return EventCategory.SYSTEM;
        }

        @Override
        public String entityType() {
            return "probe";
        }

        @Override
        public String entityId() {
            return "1";
        }

        @Override
        public Actor actor() {
            return new Actor(Actor.Type.SYSTEM, null, "test");
        }
    }

    private static void toggle(Api api, Api.Session admin, boolean on) {
        api.patch("/api/v1/settings/safety", admin.accessToken(), Map.of("channels", Map.of("SMS", on)))
                .expect(200);
    }

    private static List<Long> seqs(Api api, Api.Session admin) {
        return api
                .get("/api/v1/events/feed?order=asc&limit=200", admin.accessToken())
                .json()
                .path("data")
                .findValues("seq")
                .stream()
                .map(n -> n.asLong())
                .toList();
    }

    @Test
    void eachWorkspaceCountsItsOwnEventsFromOne() {
        Api api = api();
        Api.Session a = api.signup();
        Api.Session b = api.signup();
        List<Long> before = seqs(api, b);
        toggle(api, b, true);
        for (int i = 0; i < 5; i++) {
            toggle(api, a, i % 2 == 0);
        }
        toggle(api, b, false);
        List<Long> bSeqs = seqs(api, b);
        // B's numbers run on without gaps whatever A did in between
        assertThat(bSeqs).hasSize(before.size() + 2);
        assertThat(bSeqs)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, bSeqs.size()).boxed().toList());
        List<Long> aSeqs = seqs(api, a);
        assertThat(aSeqs)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, aSeqs.size()).boxed().toList());
    }

    @Test
    void concurrentWritersOfOneWorkspaceGetDistinctGaplessNumbers() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        int start = seqs(api, admin).size();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                boolean on = i % 2 == 0;
                String channel =
                        List.of("SMS", "WHATSAPP", "FACEBOOK", "INSTAGRAM").get(i % 4);
                writes.add(pool.submit(() -> api.patch(
                                "/api/v1/settings/safety", admin.accessToken(), Map.of("channels", Map.of(channel, on)))
                        .status()));
            }
            for (Future<?> w : writes) {
                w.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<Long> all = seqs(api, admin);
        assertThat(all.size()).isGreaterThan(start);
        assertThat(all)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, all.size()).boxed().toList());
    }

    @Test
    void anOpenTransactionDoesNotBlockOtherWritersAndItsEventIsNotSkippedByAResumingReader() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        UUID tenant = UUID.fromString(admin.tenantId());
        toggle(api, admin, true);
        long seen = seqs(api, admin).get(seqs(api, admin).size() - 1);

        // an older transaction of the workspace writes an event and stays open
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        CompletableFuture<Void> older = CompletableFuture.runAsync(() -> TenantContext.runAs(
                tenant,
                () -> tx.executeWithoutResult(s -> {
                    // the transaction id is taken now, before the newer writer's
                    jdbc.sql("select pg_current_xact_id()").query().singleValue();
                    events.publishEvent(new Probe(tenant));
                    written.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                })));
        assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();

        try (SseClient sse = new SseClient(
                "http://127.0.0.1:" + port + "/api/v1/events/stream",
                admin.accessToken(),
                Map.of("Last-Event-ID", Long.toString(seen)))) {
            assertThat(sse.status()).isEqualTo(200);
            // a newer writer of the same workspace is not held up by the open transaction
            long t0 = System.nanoTime();
            toggle(api, admin, false);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));

            release.countDown();
            older.get(10, TimeUnit.SECONDS);
            // both arrive, in seq order, each once, with consecutive numbers after the one the reader had seen
            List<SseClient.Event> got = sse.take(2, WAIT);
            assertThat(got).extracting(SseClient.Event::id).containsExactly(seen + 1 + "", seen + 2 + "");
            // the older transaction's event comes first although it committed last
            assertThat(got)
                    .extracting(e -> e.data().path("type").asText())
                    .containsExactly("safety.probe_recorded", "safety.channel_toggled");
            assertThat(sse.next(Duration.ofMillis(500))).isNull();
        } finally {
            release.countDown();
        }
        await().atMost(WAIT).until(() -> seqs(api, admin).size() == seen + 2);
        assertThat(seqs(api, admin))
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, seen + 2).boxed().toList());
    }
}
