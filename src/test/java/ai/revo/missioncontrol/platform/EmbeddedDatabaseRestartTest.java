package ai.revo.missioncontrol.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.MissionControlApplication;
import ai.revo.missioncontrol.support.Api;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The out-of-the-box run: no datasource configured, so the app starts its own PostgreSQL in the data directory.
 * Data written before a stop is there after the next start, and the first admin is created only once.
 */
class EmbeddedDatabaseRestartTest {

    @Test
    void embeddedDatabaseKeepsDataAcrossRestarts() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "restart-data-");
        // as an installer's umask might leave it: open to everyone
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxrwxrwx"));
        String email;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            assertThat(Files.exists(dataDir.resolve("postgres/PG_VERSION"))).isTrue();
            // the data directory holds the secrets and the database: owner only; the server's binaries are not
            // writable by anyone else
            for (String dir : new String[] {"", "postgres", "postgres-runtime"}) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(dir))))
                        .as("permissions of %s", dataDir.resolve(dir))
                        .isEqualTo("rwx------");
            }
            try (var paths = Files.walk(dataDir.resolve("postgres-runtime"))) {
                assertThat(paths.filter(p -> !Files.isSymbolicLink(p))
                                .filter(p -> {
                                    try {
                                        var perms = Files.getPosixFilePermissions(p);
                                        return perms.contains(PosixFilePermission.GROUP_WRITE)
                                                || perms.contains(PosixFilePermission.OTHERS_WRITE);
                                    } catch (java.io.IOException e) {
                                        throw new java.io.UncheckedIOException(e);
                                    }
                                })
                                .toList())
                        .as("server files writable by group or others")
                        .isEmpty();
            }
            Api api = api(first);
            Api.Session admin = api.login("first-admin@example.com", "First-Admin-Passw0rd");
            email = api.signup().email();
            // a fresh embedded installation shows a living demo workspace at once
            assertThat(api.get("/api/v1/campaigns", admin.accessToken())
                            .json()
                            .path("pagination")
                            .path("total")
                            .asLong())
                    .isEqualTo(2);
            assertThat(api.get("/api/v1/leads?limit=100", admin.accessToken())
                            .json()
                            .path("pagination")
                            .path("total")
                            .asLong())
                    .isEqualTo(32); // thirty across the pipeline plus two NEW ones for enrichment
            // material for the daily jobs: company data for the prospects' domains
            assertThat(api.get("/api/v1/companies", admin.accessToken())
                            .json()
                            .path("pagination")
                            .path("total")
                            .asLong())
                    .isEqualTo(5);
            // demo data never names a real-looking domain: only reserved example domains (RFC 2606)
            java.util.List<String> domains = new java.util.ArrayList<>();
            api.get("/api/v1/companies?limit=100", admin.accessToken())
                    .json()
                    .path("data")
                    .forEach(c -> domains.add(c.path("domain").asText()));
            api.get("/api/v1/contacts?limit=100", admin.accessToken())
                    .json()
                    .path("data")
                    .forEach(c -> domains.add(c.path("email").asText().replaceFirst(".*@", "")));
            assertThat(domains)
                    .hasSizeGreaterThan(5)
                    .allSatisfy(d -> assertThat(d.equals("example.com") || d.endsWith(".test"))
                            .as("reserved domain: %s", d)
                            .isTrue());
            assertThat(api.get("/api/v1/approvals/inbox", admin.accessToken())
                            .json()
                            .path("data"))
                    .hasSize(3);
            assertThat(api.get("/api/v1/tasks", admin.accessToken()).json().path("data"))
                    .hasSize(8); // five plus one per draft waiting
            java.util.Set<String> columns = new java.util.HashSet<>();
            api.get("/api/v1/tasks", admin.accessToken())
                    .json()
                    .path("data")
                    .forEach(task -> columns.add(task.path("column").asText()));
            assertThat(columns).containsExactlyInAnyOrder("BACKLOG", "DOING", "NEEDS_APPROVAL", "DONE");
        }
        try (ConfigurableApplicationContext second = start(dataDir)) {
            Api api = api(second);
            api.login(email, Api.PASSWORD);
            Api.Session admin = api.login("first-admin@example.com", "First-Admin-Passw0rd");
            assertThat(api.get("/api/v1/users", admin.accessToken())
                            .json()
                            .path("pagination")
                            .path("total")
                            .asLong())
                    .isEqualTo(1);
            assertThat(api.get("/api/v1/campaigns", admin.accessToken())
                            .json()
                            .path("pagination")
                            .path("total")
                            .asLong())
                    .as("the demo loads once")
                    .isEqualTo(2);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        // command-line arguments: they outrank application.yml, as environment variables would
        return new SpringApplicationBuilder(MissionControlApplication.class)
                .run(
                        "--server.port=0",
                        "--mc.data-dir=" + dataDir,
                        "--mc.security.bootstrap-admin.email=first-admin@example.com",
                        "--mc.security.bootstrap-admin.password=First-Admin-Passw0rd");
    }

    private static Api api(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new Api("http://127.0.0.1:" + port);
    }
}
