package ai.revo.missioncontrol.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.revo.missioncontrol.platform.RateLimitExceeded;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The sign-in throttle against the real PostgreSQL it counts in. Each test uses its own e-mails and addresses, and two
 * throttle objects with the same limits stand for two nodes sharing the count.
 */
class LoginThrottleTest extends ai.revo.missioncontrol.support.IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    private final String run = java.util.UUID.randomUUID().toString().substring(0, 8);

    private LoginThrottle throttle(int perEmail, int perAddress) {
        return throttle(perEmail, perAddress, perEmail);
    }

    private LoginThrottle throttle(int perPair, int perAddress, int perEmailAnywhere) {
        return new LoginThrottle(
                new IdentityProperties(
                        null,
                        Duration.ofMinutes(15),
                        Duration.ofDays(30),
                        Duration.ofDays(7),
                        true,
                        "sandboxed",
                        "http://localhost",
                        new IdentityProperties.BootstrapAdmin("a@b", null, "D"),
                        new IdentityProperties.LoginThrottle(
                                perPair, perAddress, Duration.ofMinutes(15), 3, perEmailAnywhere)),
                jdbc,
                transactions,
                java.time.Clock.systemUTC());
    }

    private String email(String name) {
        return name + "-" + run + "@example.com";
    }

    private String address(String last) {
        return "10." + run + "." + last;
    }

    @Test
    void twoNodesShareTheCount() {
        LoginThrottle nodeA = throttle(3, 100);
        LoginThrottle nodeB = throttle(3, 100);
        nodeA.checkAllowed(email("shared"), address("1"));
        nodeB.checkAllowed(email("shared"), address("2"));
        nodeA.checkAllowed(email("shared"), address("3"));
        assertThatThrownBy(() -> nodeB.checkAllowed(email("shared"), address("4")))
                .isInstanceOf(RateLimitExceeded.class);
    }

    @Test
    void blocksAnEmailAfterItsFailures() {
        LoginThrottle throttle = throttle(3, 100);
        for (int i = 0; i < 3; i++) {
            throttle.checkAllowed(email("a"), address("1"));
        }
        assertThatThrownBy(() -> throttle.checkAllowed(email("a"), address("2")))
                .isInstanceOf(RateLimitExceeded.class);
        assertThatCode(() -> throttle.checkAllowed(email("b"), address("1"))).doesNotThrowAnyException();
    }

    @Test
    void blocksAnAddressThatTriesManyEmails() {
        LoginThrottle throttle = throttle(100, 4);
        for (int i = 0; i < 4; i++) {
            throttle.checkAllowed(email("user" + i), address("9"));
        }
        assertThatThrownBy(() -> throttle.checkAllowed(email("fresh"), address("9")))
                .isInstanceOf(RateLimitExceeded.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((RateLimitExceeded) e).retryAfterSeconds())
                        .isBetween(1L, 15 * 60L));
        assertThatCode(() -> throttle.checkAllowed(email("fresh"), address("10")))
                .doesNotThrowAnyException();
    }

    @Test
    void failuresFromOneAddressDoNotLockTheUserOutForEveryone() {
        LoginThrottle throttle = throttle(3, 100, 20);
        for (int i = 0; i < 3; i++) {
            throttle.checkAllowed(email("victim"), address("66"));
        }
        // the attacker's address is locked out of that login ...
        assertThatThrownBy(() -> throttle.checkAllowed(email("victim"), address("66")))
                .isInstanceOf(RateLimitExceeded.class);
        // ... the user, from their own address, is not
        assertThatCode(() -> throttle.checkAllowed(email("victim"), address("7")))
                .doesNotThrowAnyException();
    }

    @Test
    void signUpsAreCountedPerClientAddress() {
        LoginThrottle throttle = throttle(100, 100); // 3 sign-ups per address
        for (int i = 0; i < 3; i++) {
            throttle.checkSignupAllowed(address("s1"));
        }
        assertThatThrownBy(() -> throttle.checkSignupAllowed(address("s1")))
                .isInstanceOf(RateLimitExceeded.class)
                .hasMessageContaining("sign-ups");
        assertThatCode(() -> throttle.checkSignupAllowed(address("s2"))).doesNotThrowAnyException();
    }

    @Test
    void parallelGuessesCannotAllPassTheCheck() throws Exception {
        LoginThrottle throttle = throttle(5, 1000);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        java.util.concurrent.atomic.AtomicInteger passed = new java.util.concurrent.atomic.AtomicInteger();
        java.util.List<java.util.concurrent.Future<?>> all = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            all.add(pool.submit(() -> {
                try {
                    throttle.checkAllowed(email("target"), address("5"));
                    passed.incrementAndGet();
                } catch (RateLimitExceeded expected) {
                    // throttled
                }
            }));
        }
        for (var f : all) {
            f.get();
        }
        pool.shutdown();
        org.assertj.core.api.Assertions.assertThat(passed.get()).isEqualTo(5);
    }

    @Test
    void successClearsTheEmailCounter() {
        LoginThrottle throttle = throttle(2, 100);
        throttle.checkAllowed(email("c"), address("1"));
        throttle.recordSuccess(email("c"), address("1"));
        throttle.checkAllowed(email("c"), address("1"));
        assertThatCode(() -> throttle.checkAllowed(email("c"), address("1"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> throttle.checkAllowed(email("c"), address("1")))
                .isInstanceOf(RateLimitExceeded.class);
    }
}
