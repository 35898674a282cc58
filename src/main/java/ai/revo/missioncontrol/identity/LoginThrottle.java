package ai.revo.missioncontrol.identity;

import ai.revo.missioncontrol.platform.RateLimitExceeded;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Throttles sign-ins per e-mail and per client address over a sliding window, counted in PostgreSQL so the limits
 * hold across every node. Each attempt is counted before the password is checked (so parallel guesses cannot all slip
 * through, serialised per key by a transaction-scoped advisory lock); a successful sign-in gives the attempts back.
 * Over a limit answers 429 with the time until the oldest counted attempt leaves the window.
 */
@Component
class LoginThrottle {

    private final IdentityProperties.LoginThrottle limits;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    LoginThrottle(
            IdentityProperties properties, JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.limits = properties.loginThrottle();
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        // its own transaction: a failed sign-in rolls its own transaction back, the attempt must stay counted
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * Counts one attempt, or throws 429 when one of its counts is full. Checked in this order: the client address
     * (any e-mail), the pair of address and e-mail, and only then the e-mail alone with a much higher limit, so
     * failures from one address lock that address out of that login, never the user out for everyone.
     */
    void checkAllowed(String email, String address) {
        String emailKey = key(email);
        String addressKey = key(address);
        String pairKey = key(address + "|" + email);
        tx.executeWithoutResult(status -> {
            Instant now = clock.instant();
            Instant cutoff = now.minus(limits.window());
            lock("ADDRESS", addressKey);
            lock("PAIR", pairKey);
            lock("EMAIL", emailKey);
            String what = "Too many failed sign-in attempts";
            refuseWhenFull("ADDRESS", addressKey, limits.failuresPerAddress(), cutoff, now, what);
            refuseWhenFull("PAIR", pairKey, limits.failuresPerEmail(), cutoff, now, what);
            refuseWhenFull("EMAIL", emailKey, limits.failuresPerEmailAnywhere(), cutoff, now, what);
            jdbc.sql("delete from login_attempts where scope in ('EMAIL', 'ADDRESS', 'PAIR') and key in (?, ?, ?) "
                            + "and attempted_at < ?")
                    .params(emailKey, addressKey, pairKey, Timestamp.from(cutoff))
                    .update();
            jdbc.sql("insert into login_attempts (scope, key, attempted_at) "
                            + "values ('EMAIL', ?, ?), ('ADDRESS', ?, ?), ('PAIR', ?, ?)")
                    .params(
                            emailKey,
                            Timestamp.from(now),
                            addressKey,
                            Timestamp.from(now),
                            pairKey,
                            Timestamp.from(now))
                    .update();
        });
    }

    /** Counts one sign-up from the address, or throws 429 when the address has none left in the window. */
    void checkSignupAllowed(String address) {
        String addressKey = key(address);
        tx.executeWithoutResult(status -> {
            Instant now = clock.instant();
            Instant cutoff = now.minus(limits.window());
            lock("SIGNUP", addressKey);
            refuseWhenFull("SIGNUP", addressKey, limits.signupsPerAddress(), cutoff, now, "Too many sign-ups");
            jdbc.sql("delete from login_attempts where scope = 'SIGNUP' and key = ? and attempted_at < ?")
                    .params(addressKey, Timestamp.from(cutoff))
                    .update();
            jdbc.sql("insert into login_attempts (scope, key, attempted_at) values ('SIGNUP', ?, ?)")
                    .params(addressKey, Timestamp.from(now))
                    .update();
        });
    }

    /** The attempt was already counted in {@link #checkAllowed}; nothing more to take. */
    void recordFailure(String email, String address) {
        // intentionally empty: the attempt was taken before the password check
    }

    /** A good password: the e-mail's attempts are forgotten and the address gets this attempt back. */
    void recordSuccess(String email, String address) {
        tx.executeWithoutResult(status -> {
            jdbc.sql("delete from login_attempts where (scope = 'EMAIL' and key = ?) or (scope = 'PAIR' and key = ?)")
                    .params(key(email), key(address + "|" + email))
                    .update();
            jdbc.sql("delete from login_attempts where id = (select id from login_attempts where scope = 'ADDRESS' "
                            + "and key = ? order by attempted_at desc limit 1)")
                    .param(key(address))
                    .update();
        });
    }

    private void lock(String scope, String key) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))")
                .param("login:" + scope + ":" + key)
                .query((rs, n) -> null)
                .list();
    }

    private void refuseWhenFull(String scope, String key, int limit, Instant cutoff, Instant now, String what) {
        var counted = jdbc.sql("select count(*), min(attempted_at) from login_attempts where scope = ? and key = ? "
                        + "and attempted_at >= ?")
                .params(scope, key, Timestamp.from(cutoff))
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getTimestamp(2)})
                .single();
        if ((Long) counted[0] >= limit) {
            Instant oldest = ((Timestamp) counted[1]).toInstant();
            Duration wait = Duration.between(now, oldest.plus(limits.window()));
            throw new RateLimitExceeded(what + "; try again later", wait.isNegative() ? Duration.ofSeconds(1) : wait);
        }
    }

    /**
     * The stored key: a SHA-256 of the normalised e-mail or address, so the table holds no e-mail addresses and any
     * input (control characters included) is a valid key.
     */
    private static String key(String value) {
        String normalised = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(normalised.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
