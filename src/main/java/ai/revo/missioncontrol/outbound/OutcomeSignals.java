package ai.revo.missioncontrol.outbound;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Wakes the submissions that wait for a duplicate still in flight (on this node or another): whoever records a
 * message's outcome also sends {@code NOTIFY outbound_outcome, '<id>'} in that transaction, so PostgreSQL delivers
 * it to every node right after the commit. Each node keeps one connection of its own (outside the pool, opened on
 * the first wait) that LISTENs and blocks on the socket for notifications; a waiter is completed by its message's
 * notification, never by polling the row.
 */
@Component
class OutcomeSignals implements DisposableBean {

    static final String CHANNEL = "outbound_outcome";
    private static final Logger log = LoggerFactory.getLogger(OutcomeSignals.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Map<UUID, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private volatile Connection connection;
    private Thread listener;

    OutcomeSignals(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** In the transaction that records the outcome of message {@code id}: delivered to listeners on commit. */
    void outcomeRecorded(UUID id) {
        jdbc.sql("select pg_notify('" + CHANNEL + "', ?)")
                .param(id.toString())
                .query((rs, n) -> 1)
                .list();
    }

    /**
     * A future completed when the outcome of {@code id} is recorded from now on (or when listening breaks, so the
     * waiter reads the row again). Register before reading the row, so no outcome can slip in between.
     */
    CompletableFuture<Void> register(UUID id) {
        listening();
        return waiting.computeIfAbsent(id, k -> new CompletableFuture<>());
    }

    void unregister(UUID id, CompletableFuture<Void> future) {
        waiting.remove(id, future);
    }

    private synchronized void listening() {
        if (listener != null && listener.isAlive()) {
            return;
        }
        listener = new Thread(this::listen, "outbound-outcome-listener");
        listener.setDaemon(true);
        listener.start();
    }

    private void listen() {
        while (running) {
            try (Connection c = open()) {
                connection = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    // blocks on the socket until a notification arrives (the timeout only lets shutdown be seen)
                    PGNotification[] notifications = pg.getNotifications(10_000);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification n : notifications) {
                        try {
                            CompletableFuture<Void> f = waiting.remove(UUID.fromString(n.getParameter()));
                            if (f != null) {
                                f.complete(null);
                            }
                        } catch (IllegalArgumentException e) {
                            // not one of ours
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Listening for outbound outcomes failed ({}); waiters read their rows again", e.getMessage());
                waiting.values().forEach(f -> f.complete(null));
                waiting.clear();
                try {
                    Thread.sleep(1000); // before reconnecting; waiters meanwhile wait until their deadline
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } finally {
                connection = null;
            }
        }
    }

    /** A connection of its own, outside the pool, so a long LISTEN never takes one of the application's. */
    private Connection open() throws SQLException {
        // unwrap: the pool may sit behind a delegating DataSource (a proxy that traces or counts statements)
        HikariDataSource hikari =
                dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
        if (hikari != null && hikari.getJdbcUrl() != null) {
            return DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
        }
        return dataSource.getConnection();
    }

    @Override
    public void destroy() {
        running = false;
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
        if (listener != null) {
            listener.interrupt();
        }
    }
}
