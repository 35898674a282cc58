package ai.revo.missioncontrol.identity;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.MissionControlApplication;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import ai.revo.missioncontrol.support.RedisServer;
import ai.revo.missioncontrol.support.TestDataDir;
import ai.revo.missioncontrol.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The API limits across two nodes with low limits (5 at once, 60 a minute: one token a second): a workspace's budget
 * is one bucket whichever node answers, held in Redis and, with Redis stopped, in PostgreSQL; the 429 is in the
 * API's error shape with Retry-After and the RateLimit headers; an API key runs into its own tighter budget; another
 * workspace and the dashboard are not held by it; sign-in is not counted.
 */
class ApiLimitsTwoNodeTest {

    private static ConfigurableApplicationContext node(TestDatabase.Endpoint db, String redisUrl) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password(),
                TestDataDir.argument(),
                "--mc.security.jwt-secret=" + IntegrationTest.JWT_SECRET,
                "--mc.security.bootstrap-admin.password=" + IntegrationTest.BOOTSTRAP_PASSWORD,
                "--mc.security.bootstrap-admin.email=bootstrap-admin@example.com",
                "--mc.security.login-throttle.failures-per-address=100000",
                "--mc.security.login-throttle.signups-per-address=100000",
                "--mc.api.limits.burst=5",
                "--mc.api.limits.per-minute=60",
                "--mc.api.limits.key-burst=3",
                "--mc.api.limits.key-per-minute=60",
                "--db-scheduler.threads=2"));
        if (redisUrl != null) {
            args.add("--spring.data.redis.url=" + redisUrl);
        }
        return new SpringApplicationBuilder(MissionControlApplication.class).run(args.toArray(String[]::new));
    }

    private static Api api(ConfigurableApplicationContext node) {
        return new Api("http://127.0.0.1:"
                + ((WebServerApplicationContext) node).getWebServer().getPort());
    }

    /** Requests alternating between the nodes until one is refused; answers how many passed. */
    private static int passedUntilRefused(Api a, Api b, String token, int max) {
        for (int i = 0; i < max; i++) {
            Api.Response r = (i % 2 == 0 ? a : b).get("/api/v1/campaigns", token);
            if (r.status() == 429) {
                assertThat(r.header("Retry-After")).isNotBlank();
                assertThat(Integer.parseInt(r.header("Retry-After"))).isBetween(1, 60);
                assertThat(r.header("RateLimit-Limit")).isNotBlank();
                assertThat(r.header("RateLimit-Remaining")).isEqualTo("0");
                JsonNode error = r.json().path("error");
                assertThat(error.path("code").asText()).isEqualTo("RATE_LIMIT_EXCEEDED");
                assertThat(error.path("message").asText()).contains("limit");
                assertThat(error.path("requestId").asText()).isNotBlank();
                assertThat(error.path("details").path("retryAfterSeconds").asInt())
                        .isPositive();
                return i;
            }
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("RateLimit-Limit")).isNotBlank();
        }
        return max;
    }

    @Test
    void aWorkspaceBudgetIsOneBucketAcrossNodesInRedisThenInPostgresql() throws Exception {
        TestDatabase.Endpoint db = TestDatabase.createDatabase();
        try (RedisServer redis = new RedisServer();
                ConfigurableApplicationContext a = node(db, redis.url());
                ConfigurableApplicationContext b = node(db, redis.url())) {
            Api apiA = api(a);
            Api apiB = api(b);
            Api.Session one = apiA.signup();
            Api.Session two = apiB.signup();

            // 5 at once, refilled one a second: the sign-up's own call took one, so about 4 pass (a slow machine
            // refills one or two meanwhile); were the nodes counting apart, 10 would
            int passed = passedUntilRefused(apiA, apiB, one.accessToken(), 40);
            assertThat(passed).isBetween(4, 8);
            // the other workspace has its own bucket
            assertThat(apiB.get("/api/v1/campaigns", two.accessToken()).status())
                    .isEqualTo(200);
            // sign-in is not counted against the workspace
            assertThat(apiA.post(
                                    "/api/v1/auth/login",
                                    null,
                                    java.util.Map.of("email", one.email(), "password", one.password()))
                            .status())
                    .isEqualTo(200);

            // Redis stopped: the buckets are held in PostgreSQL, still one per workspace across both nodes
            redis.stop();
            Api.Session three = apiA.signup();
            int withoutRedis = passedUntilRefused(apiA, apiB, three.accessToken(), 40);
            assertThat(withoutRedis).isBetween(4, 8);
        }
    }

    @Test
    void anApiKeyRunsIntoItsOwnBudgetAndTheDashboardHasAnother() {
        TestDatabase.Endpoint db = TestDatabase.createDatabase();
        try (ConfigurableApplicationContext a = node(db, null);
                ConfigurableApplicationContext b = node(db, null)) {
            Api apiA = api(a);
            Api apiB = api(b);
            Api.Session admin = apiA.signup();
            String key = apiA.post(
                            "/api/v1/api-keys",
                            admin.accessToken(),
                            java.util.Map.of("name", "Script", "scopes", List.of("read"), "expiresInDays", 30))
                    .expect(201)
                    .json()
                    .path("token")
                    .asText();
            // the create above took one of the workspace's 5; the key's own budget is 3
            int passed = passedUntilRefused(apiA, apiB, key, 40);
            assertThat(passed).isBetween(3, 6);
            Api.Response refused = apiB.get("/api/v1/campaigns", key);
            if (refused.status() == 429) {
                assertThat(refused.json()
                                .path("error")
                                .path("details")
                                .path("limit")
                                .asText())
                        .isIn("API key", "workspace API");
            }
            // the dashboard's budget is not the API's: the signed-in team still gets its pages
            var page = ai.revo.missioncontrol.support.PageClient.signIn(
                    ((WebServerApplicationContext) b).getWebServer().getPort(), admin.email(), admin.password());
            assertThat(page.get("/").statusCode()).isEqualTo(200);
        }
    }
}
