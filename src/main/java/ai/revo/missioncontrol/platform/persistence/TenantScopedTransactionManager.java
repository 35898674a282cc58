package ai.revo.missioncontrol.platform.persistence;

import ai.revo.missioncontrol.platform.TenantContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Copies the thread's tenant into the transaction-local PostgreSQL setting {@code app.tenant_id}, which every
 * row-level security policy reads. Without a tenant the setting is empty and tenant tables show no rows.
 */
class TenantScopedTransactionManager extends JdbcTransactionManager {

    TenantScopedTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void prepareTransactionalConnection(Connection con, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(con, definition);
        String tenant = TenantContext.current().map(Object::toString).orElse("");
        try (PreparedStatement statement = con.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
            statement.setString(1, tenant);
            statement.execute();
        }
    }
}
