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

    private static void waitFor(java.util.function.BooleanSupplier condition) {
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(condition::getAsBoolean);
    }
}
