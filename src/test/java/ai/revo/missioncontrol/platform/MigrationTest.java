package ai.revo.missioncontrol.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/** Every migration runs on an empty database, twice in a row without harm, and leaves every table timestamped. */
class MigrationTest {

    @Test
    void allMigrationsRunOnAnEmptyDatabase() throws Exception {
        TestDatabase.Endpoint db = TestDatabase.createDatabase();
        Flyway flyway = Flyway.configure()
                .dataSource(db.url(), db.username(), db.password())
                .locations("classpath:db/migration")
                .placeholders(Map.of("app_role", "mc_app"))
                .load();
        MigrateResult result = flyway.migrate();
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(2);
        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
        assertThat(flyway.migrate().migrationsExecuted).isZero();

        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                select t.table_name from information_schema.tables t
                where t.table_schema = 'public' and t.table_type = 'BASE TABLE'
                  and t.table_name not in ('flyway_schema_history', 'event_publication', 'spring_session', 'spring_session_attributes', 'scheduled_tasks')
                  and (not exists (select 1 from information_schema.columns c where c.table_name = t.table_name and c.column_name = 'created_at')
                    or not exists (select 1 from information_schema.columns c where c.table_name = t.table_name and c.column_name = 'updated_at'))
                """)) {
            StringBuilder missing = new StringBuilder();
            while (rs.next()) {
                missing.append(rs.getString(1)).append(' ');
            }
            assertThat(missing.toString())
                    .as("tables without created_at/updated_at")
                    .isEmpty();
        }
    }
}
