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
        log.info("Embedded PostgreSQL listening on localhost:{}", postgres.getPort());
        return postgres;
    }

    @Bean
    DatabaseEndpoint databaseEndpoint(EmbeddedPostgres postgres) {
        return new DatabaseEndpoint(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
    }
}
