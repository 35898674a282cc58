package ai.revo.missioncontrol.platform.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Recognises a failure that means a backing store (PostgreSQL, Redis) cannot be reached right now, as opposed to a
 * bug or a bad request: the answer is 503 with {@code Retry-After}, and the same request may succeed once it is back.
 */
final class ServiceUnavailable {

    /** Seconds a client should wait before trying again. */
    static final long RETRY_AFTER_SECONDS = 5;

    static final String MESSAGE = "Mission Control is temporarily unavailable (its database cannot be reached);"
            + " nothing was changed, try again in a moment";

    private ServiceUnavailable() {}

    /**
     * True when the failure or one of its causes is a lost or refused connection: Spring's
     * {@code CannotGetJdbcConnectionException} and other {@code DataAccessResourceFailureException}s (including
     * Redis's connection failure), a transaction that could not begin, the pool's timeout
     * ({@code SQLTransientConnectionException}), or a server-side SQL state of class 08 (connection), 53 (out of
     * resources, such as too many connections) or 57P (the server is shutting down or starting).
     */
    static boolean causedBy(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessResourceException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")) {
                    return true;
                }
            }
        }
        return false;
    }
}
