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
            throttle.recordFailure("A@example.com", "10.0.0.1");
        }
        assertThatThrownBy(() -> throttle.checkAllowed("a@example.com", "10.0.0.2"))
                .isInstanceOf(RateLimitExceeded.class);
        assertThatCode(() -> throttle.checkAllowed("b@example.com", "10.0.0.1")).doesNotThrowAnyException();
    }

    @Test
    void blocksAnAddressThatTriesManyEmails() {
        LoginThrottle throttle = throttle(100, 4);
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("user" + i + "@example.com", "10.0.0.9");
        }
        assertThatThrownBy(() -> throttle.checkAllowed("fresh@example.com", "10.0.0.9"))
                .isInstanceOf(RateLimitExceeded.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((RateLimitExceeded) e).retryAfterSeconds())
                        .isBetween(1L, 15 * 60L));
        assertThatCode(() -> throttle.checkAllowed("fresh@example.com", "10.0.0.10")).doesNotThrowAnyException();
    }

    @Test
    void successClearsTheEmailCounter() {
        LoginThrottle throttle = throttle(2, 100);
        throttle.recordFailure("c@example.com", "10.0.0.1");
        throttle.recordSuccess("c@example.com");
        throttle.recordFailure("c@example.com", "10.0.0.1");
        assertThatCode(() -> throttle.checkAllowed("c@example.com", "10.0.0.1")).doesNotThrowAnyException();
    }
}
