package ai.revo.missioncontrol.platform.persistence;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.flyway.FlywayDataSource;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Two ways into the same database. Flyway logs in as the configured (owning) user to create the schema and the
 * runtime role; the application's pooled connections immediately {@code SET ROLE} to that non-superuser role so
 * that PostgreSQL row-level security applies to every query they run.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DataSourceConfiguration {

    @Bean
    @ConditionalOnDataSourceUrl
    DatabaseEndpoint externalDatabaseEndpoint(DataSourceProperties properties) {
        return new DatabaseEndpoint(
                properties.determineUrl(), properties.determineUsername(), properties.determinePassword());
    }

    @Bean
    @Primary
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DatabaseEndpoint endpoint, DatabaseProperties properties) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(endpoint.url());
        dataSource.setUsername(endpoint.username());
        dataSource.setPassword(endpoint.password());
        dataSource.setPoolName("mission-control");
        dataSource.setConnectionInitSql("SET ROLE " + properties.db().appRole());
        return dataSource;
    }

    @Bean
    @FlywayDataSource
    DataSource flywayDataSource(DatabaseEndpoint endpoint) {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource();
        dataSource.setDriverClass(org.postgresql.Driver.class);
        dataSource.setUrl(endpoint.url());
        dataSource.setUsername(endpoint.username());
        dataSource.setPassword(endpoint.password());
        return dataSource;
    }

    @Bean
    PlatformTransactionManager transactionManager(
            DataSource dataSource,
            ObjectProvider<org.springframework.boot.autoconfigure.transaction.TransactionManagerCustomizers>
                    customizers) {
        TenantScopedTransactionManager manager = new TenantScopedTransactionManager(dataSource);
        customizers.ifAvailable(c -> c.customize(manager));
        return manager;
    }
}
