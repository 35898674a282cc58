package ai.revo.missioncontrol.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Raw SQL through the application's runtime role: without a tenant nothing is visible, with one only its rows. */
class RowLevelSecurityTest extends IntegrationTest {

    @Test
    void everyTenantTableHasForcedRowLevelSecurityWithAPolicy() throws SQLException {
        List<String> unprotected = new ArrayList<>();
        try (Connection c = database().connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                select t.relname, t.relrowsecurity, t.relforcerowsecurity,
                       (select count(*) from pg_policy p where p.polrelid = t.oid and p.polname = 'tenant_isolation') as policies
                from pg_class t join pg_namespace n on n.oid = t.relnamespace
                where n.nspname = 'public' and t.relkind = 'r'
                  and (exists (select 1 from pg_attribute a where a.attrelid = t.oid and a.attname = 'tenant_id' and not a.attisdropped)
                       or t.relname = 'tenants')
                """)) {
            int tables = 0;
            while (rs.next()) {
                tables++;
                if (!rs.getBoolean(2) || !rs.getBoolean(3) || rs.getInt(4) != 1) {
                    unprotected.add(rs.getString(1));
                }
            }
            assertThat(tables).isGreaterThanOrEqualTo(5);
        }
        assertThat(unprotected)
                .as("tenant tables without forced RLS and a tenant_isolation policy")
                .isEmpty();
    }

    @Test
    void runtimeRoleIsNeitherSuperuserNorAbleToBypassRls() throws SQLException {
        try (Connection c = database().connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select rolsuper, rolbypassrls from pg_roles where rolname = 'mc_app'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).isFalse();
            assertThat(rs.getBoolean(2)).isFalse();
        }
    }

    @Test
    void withoutTenantTheRuntimeRoleSeesNoRows() throws SQLException {
        api().signup();
        try (Connection c = database().connect();
                Statement s = c.createStatement()) {
            assertThat(count(s, "select count(*) from users"))
                    .as("as the owner")
                    .isPositive();
            s.execute("set role mc_app");
            for (String table : List.of("tenants", "users", "refresh_tokens", "invitations", "revoked_access_tokens")) {
                assertThat(count(s, "select count(*) from " + table)).as(table).isZero();
            }
        }
    }

    @Test
    void withATenantOnlyItsRowsAreVisibleAndWritable() throws SQLException {
        Api api = api();
        Api.Session a = api.signup();
        Api.Session b = api.signup();
        try (Connection c = database().connect();
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("set role mc_app");
            s.execute("select set_config('app.tenant_id', '" + a.tenantId() + "', true)");
            assertThat(count(s, "select count(*) from users")).isEqualTo(1);
            assertThat(count(s, "select count(*) from users where id = '" + b.userId() + "'"))
                    .isZero();
            assertThat(s.executeUpdate("update users set role = 'VIEWER' where id = '" + b.userId() + "'"))
                    .isZero();
            assertThatThrownBy(() ->
                            s.execute("insert into users (id, tenant_id, email, role) values ('" + UUID.randomUUID()
                                    + "', '" + b.tenantId() + "', 'x" + UUID.randomUUID() + "@example.com', 'ADMIN')"))
                    .hasMessageContaining("row-level security");
            c.rollback();
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
