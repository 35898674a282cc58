package ai.revo.missioncontrol.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.revo.missioncontrol.MissionControlApplication;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import ai.revo.missioncontrol.support.PageClient;
import ai.revo.missioncontrol.support.TestDataDir;
import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * PostgreSQL restarted under a running node (issue 19, proof under faults). The test runs a PostgreSQL of its own
 * (never the machine's shared one) on a fixed port with its data under target/, stops it while the node serves, and
 * starts it again on the same port and data: while it is down, API reads and writes and the health endpoint answer
 * 503 in the error shape with Retry-After and pages show a plain unavailable page; a write attempted meanwhile left
 * nothing behind; once it is back the same node (not restarted) serves again and its db-scheduler runs work again.
 */
class DatabaseOutageTest {

    @Test
    void nodeAnswers503WhileDatabaseIsDownAndRecoversWithoutRestart() throws Exception {
        int port = freePort();
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "pg-outage-");
        EmbeddedPostgres postgres = startPostgres(port, dir);
        try (ConfigurableApplicationContext node = node(port)) {
            int httpPort = ((WebServerApplicationContext) node).getWebServer().getPort();
            Api api = new Api("http://127.0.0.1:" + httpPort);
            Api.Session admin = api.signup();
            String token = admin.accessToken();
            String before = "Before outage " + UUID.randomUUID();
            api.post("/api/v1/campaigns", token, Map.of("name", before)).expect(201);
            String job = api.post(
                            "/api/v1/scheduler/jobs",
                            token,
                            Map.of(
                                    "key",
                                    "outage_check",
                                    "name",
                                    "Outage check",
                                    "cron",
                                    "0 4 * * *",
                                    "agent",
                                    "qa_reviewer"))
                    .expect(201)
                    .json()
                    .path("id")
                    .asText();
            PageClient page = PageClient.signIn(httpPort, admin.email(), Api.PASSWORD);
            assertThat(page.get("/").statusCode()).isEqualTo(200);
            assertThat(api.get("/health", null).status()).isEqualTo(200);

            postgres.close();

            String during = "During outage " + UUID.randomUUID();
            Api.Response write = api.post("/api/v1/campaigns", token, Map.of("name", during));
            write.expectError(503, "SERVICE_UNAVAILABLE");
            assertThat(write.header("Retry-After")).isNotBlank();
            Api.Response read = api.get("/api/v1/campaigns", token);
            read.expectError(503, "SERVICE_UNAVAILABLE");
            assertThat(read.header("Retry-After")).isNotBlank();
            Api.Response run = api.post("/api/v1/scheduler/jobs/" + job + "/run-now", token, Map.of());
            run.expectError(503, "SERVICE_UNAVAILABLE");
            Api.Response health = api.get("/health", null);
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().path("components").path("db").asText()).isEqualTo("DOWN");
            HttpResponse<String> home = page.get("/");
            assertThat(home.statusCode()).isEqualTo(503);
            assertThat(home.headers().firstValue("Retry-After")).isPresent();
            assertThat(home.body()).contains("temporarily unavailable").doesNotContain("Exception");

            postgres = startPostgres(port, dir);

            // the same node, not restarted: its pool reconnects on the next request
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> api.get("/api/v1/campaigns?limit=100", token).status() == 200);
            assertThat(api.get("/health", null).status()).isEqualTo(200);
            List<String> names = new ArrayList<>();
            api.get("/api/v1/campaigns?limit=100", token)
                    .expect(200)
                    .json()
                    .path("data")
                    .forEach(c -> names.add(c.path("name").asText()));
            assertThat(names).contains(before).doesNotContain(during);
            api.post("/api/v1/campaigns", token, Map.of("name", "After outage " + UUID.randomUUID()))
                    .expect(201);
            assertThat(page.get("/").statusCode()).isEqualTo(200);
            // db-scheduler kept polling through the outage: work queued now is picked up and finishes
            api.post("/api/v1/scheduler/jobs/" + job + "/run-now", token, Map.of())
                    .expect(202);
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        JsonNode runs = api.get("/api/v1/scheduler/runs?limit=50", token)
                                .expect(200)
                                .json()
                                .path("data");
                        for (JsonNode r : runs) {
                            if (r.path("jobId").asText().equals(job)
                                    && List.of("COMPLETED", "FAILED", "SKIPPED")
                                            .contains(r.path("status").asText())) {
                                return true;
                            }
                        }
                        return false;
                    });
        } finally {
            postgres.close();
        }
    }

    private static EmbeddedPostgres startPostgres(int port, Path dir) throws IOException {
        return EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dir.resolve("data"))
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(dir.toFile())
                .setServerConfig("max_connections", "100")
                .setServerConfig("timezone", "UTC")
                .start();
    }

    private static ConfigurableApplicationContext node(int port) {
        return new SpringApplicationBuilder(MissionControlApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        // a request waits this long for a connection before it is answered 503
                        "--spring.datasource.hikari.connection-timeout=1000",
                        "--spring.datasource.hikari.validation-timeout=500",
                        TestDataDir.argument(),
                        "--mc.security.jwt-secret=" + IntegrationTest.JWT_SECRET,
                        "--mc.security.bootstrap-admin.password=" + IntegrationTest.BOOTSTRAP_PASSWORD,
                        "--mc.security.bootstrap-admin.email=bootstrap-admin@example.com",
                        "--db-scheduler.polling-interval=200ms");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
