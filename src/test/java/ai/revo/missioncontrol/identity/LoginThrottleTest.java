package ai.revo.missioncontrol.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import ai.revo.missioncontrol.platform.RateLimitExceeded;

class LoginThrottleTest {

    private static LoginThrottle throttle(int perEmail, int perAddress) {
        return new LoginThrottle(new IdentityProperties(null, Duration.ofMinutes(15), Duration.ofDays(30),
                Duration.ofDays(7), true, "http://localhost", new IdentityProperties.BootstrapAdmin("a@b", null, "D"),
                new IdentityProperties.LoginThrottle(perEmail, perAddress, Duration.ofMinutes(15))));
    }

    @Test
    void blocksAnEmailAfterItsFailures() {
        LoginThrottle throttle = throttle(3, 100);
        for (int i = 0; i < 3; i++) {
            throttle.checkAllowed("a@example.com", "10.0.0.1");
        }
        assertThatThrownBy(() -> throttle.checkAllowed("a@example.com", "10.0.0.2"))
                .isInstanceOf(RateLimitExceeded.class);
        assertThatCode(() -> throttle.checkAllowed("b@example.com", "10.0.0.1")).doesNotThrowAnyException();
    }

    @Test
    void blocksAnAddressThatTriesManyEmails() {
        LoginThrottle throttle = throttle(100, 4);
        for (int i = 0; i < 4; i++) {
            throttle.checkAllowed("user" + i + "@example.com", "10.0.0.9");
        }
        assertThatThrownBy(() -> throttle.checkAllowed("fresh@example.com", "10.0.0.9"))
                .isInstanceOf(RateLimitExceeded.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((RateLimitExceeded) e).retryAfterSeconds())
                        .isBetween(1L, 15 * 60L));
        assertThatCode(() -> throttle.checkAllowed("fresh@example.com", "10.0.0.10")).doesNotThrowAnyException();
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
                    throttle.checkAllowed("target@example.com", "10.0.0.5");
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
        throttle.checkAllowed("c@example.com", "10.0.0.1");
        throttle.recordSuccess("c@example.com", "10.0.0.1");
        throttle.checkAllowed("c@example.com", "10.0.0.1");
        assertThatCode(() -> throttle.checkAllowed("c@example.com", "10.0.0.1")).doesNotThrowAnyException();
        assertThatThrownBy(() -> throttle.checkAllowed("c@example.com", "10.0.0.1")).isInstanceOf(RateLimitExceeded.class);
    }
}
