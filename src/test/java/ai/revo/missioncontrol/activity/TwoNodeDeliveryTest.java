package ai.revo.missioncontrol.activity;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.MissionControlApplication;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import ai.revo.missioncontrol.support.RedisServer;
import ai.revo.missioncontrol.support.SseClient;
import ai.revo.missioncontrol.support.TestDataDir;
import ai.revo.missioncontrol.support.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two application nodes sharing one PostgreSQL and one Redis: an event committed on node A reaches an SSE client
 * of node B. With Redis stopped each node still serves its own clients and the feed has every event; when Redis is
 * back, cross-node delivery resumes.
 */
@ExtendWith(OutputCaptureExtension.class)
class TwoNodeDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static ConfigurableApplicationContext node(String redisUrl) {
        TestDatabase.Endpoint db = TestDatabase.shared();
        return new SpringApplicationBuilder(MissionControlApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + db.url(),
                        "--spring.datasource.username=" + db.username(),
                        "--spring.datasource.password=" + db.password(),
                        "--spring.data.redis.url=" + redisUrl,
                        TestDataDir.argument(),
                        "--mc.security.jwt-secret=" + IntegrationTest.JWT_SECRET,
                        "--mc.security.bootstrap-admin.password=" + IntegrationTest.BOOTSTRAP_PASSWORD,
                        "--mc.security.bootstrap-admin.email=bootstrap-admin@example.com",
                        "--mc.security.login-throttle.failures-per-address=100000",
                        // the shared database counts every sign-up this JVM's tests made from 127.0.0.1
                        "--mc.security.login-throttle.signups-per-address=100000");
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    private static void toggle(Api api, Api.Session admin, boolean on) {
        api.patch("/api/v1/settings/safety", admin.accessToken(), Map.of("channels", Map.of("EMAIL", on)))
                .expect(200);
    }

    @Test
    void eventsReachEveryNodeAndSurviveARedisOutage(CapturedOutput output) throws Exception {
        try (RedisServer redis = new RedisServer();
                ConfigurableApplicationContext a = node(redis.url());
                ConfigurableApplicationContext b = node(redis.url())) {
            Api nodeA = new Api("http://127.0.0.1:" + port(a));
            Api.Session admin = nodeA.signup();
            // events are numbered just after their commit; wait until the sign-up's own event is in the log so
            // the streams below start after it
            waitFor(() -> nodeA.get("/api/v1/events/feed?type=workspace.", admin.accessToken())
                            .json()
                            .path("data")
                            .size()
                    > 0);
            String streamB = "http://127.0.0.1:" + port(b) + "/api/v1/events/stream";
            String streamA = "http://127.0.0.1:" + port(a) + "/api/v1/events/stream";
            try (SseClient onB = new SseClient(streamB, admin.accessToken(), Map.of());
                    SseClient onA = new SseClient(streamA, admin.accessToken(), Map.of())) {
                assertThat(onB.status()).isEqualTo(200);
                assertThat(onA.status()).isEqualTo(200);
                Thread.sleep(300);

                toggle(nodeA, admin, true);
                SseClient.Event crossed = onB.next(WAIT);
                assertThat(crossed).as("event from node A on node B").isNotNull();
                assertThat(crossed.data().path("type").asText()).isEqualTo("safety.channel_toggled");
                assertThat(onA.next(WAIT)).isNotNull();

                redis.stop();
                toggle(nodeA, admin, false);
                SseClient.Event local = onA.next(WAIT);
                assertThat(local).as("same-node delivery without Redis").isNotNull();
                assertThat(nodeA.get("/api/v1/events/feed?type=safety.", admin.accessToken())
                                .json()
                                .path("data"))
                        .hasSize(2);
                waitFor(() -> output.getOut().contains("Redis is unreachable"));

                redis.start();
                // the subscriber container reconnects on its own; keep publishing until B hears again
                SseClient.Event again = null;
                for (int i = 0; i < 20 && again == null; i++) {
                    toggle(nodeA, admin, i % 2 == 0);
                    again = onB.next(Duration.ofSeconds(1));
                }
                assertThat(again)
                        .as("cross-node delivery after Redis came back")
                        .isNotNull();
                waitFor(() -> output.getOut().contains("Redis is reachable again"));
                // node B missed events while Redis was down; the feed still has them all
                assertThat(nodeA.get("/api/v1/events/feed?type=safety.&limit=200", admin.accessToken())
                                .json()
                                .path("data")
                                .size())
                        .isGreaterThanOrEqualTo(3);
            }
        }
    }

    /**
     * Issue 19, Redis stopped: both nodes keep serving API reads and writes, and each delivers live events to its own
     * clients; when Redis is back, cross-node delivery resumes, and every client, the ones that stayed connected
     * through the outage and one that dropped from B during it and resumed on A with Last-Event-ID, has every event of the
     * workspace exactly once, in seq order, no gap (compared with the feed).
     */
    @Test
    void duringARedisOutageBothNodesServeAndEveryClientGetsEveryEventOnce(CapturedOutput output) throws Exception {
        try (RedisServer redis = new RedisServer();
                ConfigurableApplicationContext a = node(redis.url());
                ConfigurableApplicationContext b = node(redis.url())) {
            Api nodeA = new Api("http://127.0.0.1:" + port(a));
            Api nodeB = new Api("http://127.0.0.1:" + port(b));
            Api.Session admin = nodeA.signup();
            String token = admin.accessToken();
            waitFor(() -> nodeA.get("/api/v1/events/feed?type=workspace.", token)
                            .json()
                            .path("data")
                            .size()
                    > 0);
            long start = nodeA.get("/api/v1/events/feed?limit=1", token)
                    .expect(200)
                    .json()
                    .path("data")
                    .path(0)
                    .path("seq")
                    .asLong();
            // every stream starts from the same seq, so what each must receive is exactly the feed after it
            Map<String, String> fromStart = Map.of("Last-Event-ID", Long.toString(start));
            String streamA = "http://127.0.0.1:" + port(a) + "/api/v1/events/stream";
            String streamB = "http://127.0.0.1:" + port(b) + "/api/v1/events/stream";
            List<Long> seenA = new ArrayList<>();
            List<Long> seenB = new ArrayList<>();
            List<Long> seenResumed = new ArrayList<>();
            try (SseClient onA = new SseClient(streamA, token, fromStart);
                    SseClient onB = new SseClient(streamB, token, fromStart);
                    SseClient dropped = new SseClient(streamB, token, fromStart)) {
                assertThat(onA.status()).isEqualTo(200);
                assertThat(onB.status()).isEqualTo(200);
                assertThat(dropped.status()).isEqualTo(200);

                long first = seqOf(nodeA, token, campaign(nodeA, token, "Before the outage"));
                collectUntil(onB, seenB, first);
                assertThat(seenB).as("event from node A on node B").contains(first);
                collectUntil(onA, seenA, first);
                collectUntil(dropped, seenResumed, first);

                redis.stop();
                // both nodes serve reads and writes; each node's own clients hear its own writes at once
                long onlyA = seqOf(nodeA, token, campaign(nodeA, token, "Written on A without Redis"));
                collectUntil(onA, seenA, onlyA);
                assertThat(seenA).as("node A's client, Redis down").contains(onlyA);
                long onlyB = seqOf(nodeB, token, campaign(nodeB, token, "Written on B without Redis"));
                collectUntil(onB, seenB, onlyB);
                assertThat(seenB).as("node B's client, Redis down").contains(onlyB);
                nodeA.get("/api/v1/campaigns", token).expect(200);
                nodeB.get("/api/v1/campaigns", token).expect(200);
                waitFor(() -> output.getOut().contains("Redis is unreachable"));
                // this client drops during the outage; it misses what follows until it resumes
                collectUntil(dropped, seenResumed, onlyB);
                dropped.close();
                campaign(nodeA, token, "Missed by the dropped client (A)");
                campaign(nodeB, token, "Missed by the dropped client (B)");

                redis.start();
                // the subscriber container reconnects on its own; write on A until B hears it through Redis
                // (node B's periodic catch-up runs only every 30 s, so a quick arrival is Redis's doing)
                boolean crossed = false;
                for (int i = 0; i < 30 && !crossed; i++) {
                    long seq = seqOf(nodeA, token, campaign(nodeA, token, "After the outage " + i));
                    collectUntil(onB, seenB, seq, Duration.ofSeconds(1));
                    crossed = seenB.contains(seq);
                }
                assertThat(crossed)
                        .as("cross-node delivery after Redis came back")
                        .isTrue();
                long marker = seqOf(nodeA, token, campaign(nodeA, token, "Marker"));
                collectUntil(onA, seenA, marker);
                collectUntil(onB, seenB, marker);
                String lastSeen = Long.toString(seenResumed.get(seenResumed.size() - 1));
                // it comes back on the other node, as a client of a lost node would
                try (SseClient resumed = new SseClient(streamA, token, Map.of("Last-Event-ID", lastSeen))) {
                    assertThat(resumed.status()).isEqualTo(200);
                    collectUntil(resumed, seenResumed, marker);
                }

                List<Long> expected = new ArrayList<>();
                nodeB.get("/api/v1/events/feed?order=asc&limit=200&after=" + start, token)
                        .expect(200)
                        .json()
                        .path("data")
                        .forEach(e -> expected.add(e.path("seq").asLong()));
                expected.removeIf(seq -> seq > marker);
                assertThat(expected).contains(first, onlyA, onlyB, marker);
                assertThat(upTo(seenA, marker)).as("node A's client").containsExactlyElementsOf(expected);
                assertThat(upTo(seenB, marker)).as("node B's client").containsExactlyElementsOf(expected);
                assertThat(upTo(seenResumed, marker))
                        .as("the client that dropped from B during the outage and resumed on A with Last-Event-ID")
                        .containsExactlyElementsOf(expected);
            }
        }
    }

    private static String campaign(Api api, String token, String name) {
        return api.post("/api/v1/campaigns", token, Map.of("name", name + " " + java.util.UUID.randomUUID()))
                .expect(201)
                .json()
                .path("id")
                .asText();
    }

    /** The seq of the newest event about {@code entityId}, once it is numbered. */
    private static long seqOf(Api api, String token, String entityId) {
        long[] seq = {0};
        waitFor(() -> {
            seq[0] = api.get("/api/v1/events/feed?limit=1&entityId=" + entityId, token)
                    .expect(200)
                    .json()
                    .path("data")
                    .path(0)
                    .path("seq")
                    .asLong(0);
            return seq[0] > 0;
        });
        return seq[0];
    }

    private static void collectUntil(SseClient client, List<Long> seen, long seq) throws InterruptedException {
        collectUntil(client, seen, seq, WAIT);
    }

    /** Takes the client's events into {@code seen} until one at or past {@code seq} arrived, or the time is up. */
    private static void collectUntil(SseClient client, List<Long> seen, long seq, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while ((seen.isEmpty() || seen.get(seen.size() - 1) < seq) && System.nanoTime() < deadline) {
            SseClient.Event event = client.next(Duration.ofMillis(100));
            if (event != null) {
                seen.add(event.data().path("seq").asLong());
            }
        }
    }

    private static List<Long> upTo(List<Long> seen, long seq) {
        return seen.stream().filter(s -> s <= seq).toList();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) {
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(condition::getAsBoolean);
    }
}
