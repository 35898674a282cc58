package ai.revo.missioncontrol.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The real PostgreSQL the tests run against: the server at {@code MC_TEST_DATABASE_URL} when set (CI), otherwise
 * an embedded one started once per test JVM. Each call to {@link #createDatabase()} makes a fresh, empty database
 * on it, so runs never see each other's data.
 */
public final class TestDatabase {

    public record Endpoint(String url, String username, String password) {
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, username, password);
        }
    }

    private static Endpoint server;
    private static Endpoint shared;

    private TestDatabase() {}

    /** The database shared by the Spring test contexts of this JVM. */
    public static synchronized Endpoint shared() {
        if (shared == null) {
            shared = createDatabase();
        }
        return shared;
    }

    /** A new empty database on the test server. */
    public static synchronized Endpoint createDatabase() {
        Endpoint admin = server();
        String name = "mc_test_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = admin.connect();
                Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database on " + admin.url(), e);
        }
        if (Boolean.getBoolean("mc.keep-test-db")) {
            // to look at a failed run's data afterwards: -Dmc.keep-test-db=true keeps it (named in the output)
            System.out.println("Keeping test database " + name + " (mc.keep-test-db)");
        } else {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(admin, name)));
        }
        return new Endpoint(withDatabase(admin.url(), name), admin.username(), admin.password());
    }

    private static void drop(Endpoint admin, String name) {
        try (Connection c = admin.connect();
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException ignored) {
            // the server may already be gone at JVM exit; the database is dropped with it
        }
    }

    private static synchronized Endpoint server() {
        if (server != null) {
            return server;
        }
        String url = System.getenv("MC_TEST_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            server = new Endpoint(
                    url, env("MC_TEST_DATABASE_USERNAME", "postgres"), env("MC_TEST_DATABASE_PASSWORD", ""));
            return server;
        }
        try {
            Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "embedded-pg-");
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(dir.toFile())
                    .setDataDirectory(dir.resolve("data"))
                    .setServerConfig("max_connections", "300")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // shutting down anyway
                }
            }));
            server = new Endpoint(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start embedded PostgreSQL for tests", e);
        }
    }

    private static String withDatabase(String url, String database) {
        // jdbc:postgresql://host:port/db?params
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?');
        String base = slash < 0 ? (query < 0 ? url : url.substring(0, query)) : url.substring(0, slash);
        String params = query < 0 ? "" : url.substring(query);
        return base + "/" + database + params;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
