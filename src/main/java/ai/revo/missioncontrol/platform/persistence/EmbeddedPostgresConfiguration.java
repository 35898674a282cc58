package ai.revo.missioncontrol.platform.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a PostgreSQL server inside the application when no {@code spring.datasource.url} is configured.
 * Its data directory survives restarts; the server stops with the application context.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDataSourceUrlCondition.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    // destroyMethod "close": the server must outlive every bean that queries it during shutdown
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(DatabaseProperties properties) throws IOException {
        Path dataDir = properties.dataDir().toAbsolutePath().normalize();
        Path pgData = dataDir.resolve("postgres");
        Path runtime = dataDir.resolve("postgres-runtime");
        Files.createDirectories(pgData);
        Files.createDirectories(runtime);
        // the data directory holds the secrets and the database: nobody else may read it or write into it
        ownerOnly(dataDir);
        ownerOnly(pgData);
        ownerOnly(runtime);
        boolean fresh = !Files.exists(pgData.resolve("PG_VERSION"));
        log.info("Starting embedded PostgreSQL with data directory {} ({})", pgData, fresh ? "new" : "existing data");
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                // stopped by this context, after everything that still uses it; a JVM hook would race it
                .setRegisterShutdownHook(false)
                .setOverrideWorkingDirectory(runtime.toFile())
                .setServerConfig("max_connections", "200")
                .setServerConfig("timezone", "UTC");
        if (properties.db().embeddedPort() > 0) {
            builder.setPort(properties.db().embeddedPort());
        }
        EmbeddedPostgres postgres = builder.start();
        notWritableByOthers(runtime);
        log.info("Embedded PostgreSQL listening on localhost:{}", postgres.getPort());
        return postgres;
    }

    private static void ownerOnly(Path dir) throws IOException {
        try {
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException noPosix) {
            // not a POSIX file system: the directory keeps the platform's defaults
        }
    }

    /** The extracted server binaries and their folders: group and others lose any write permission. */
    private static void notWritableByOthers(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                if (Files.isSymbolicLink(p)) {
                    continue;
                }
                var perms = new java.util.HashSet<>(Files.getPosixFilePermissions(p));
                if (perms.remove(java.nio.file.attribute.PosixFilePermission.GROUP_WRITE)
                        | perms.remove(java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE)) {
                    Files.setPosixFilePermissions(p, perms);
                }
            }
        } catch (UnsupportedOperationException noPosix) {
            // not a POSIX file system
        }
    }

    @Bean
    DatabaseEndpoint databaseEndpoint(EmbeddedPostgres postgres) {
        return new DatabaseEndpoint(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
    }
}
