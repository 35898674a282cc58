package ai.revo.missioncontrol.identity;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import ai.revo.missioncontrol.platform.RateLimitExceeded;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * Throttles failed sign-ins per e-mail and per client address, on this node. Each failure takes a token from both
 * buckets; an empty bucket answers 429 with the time until the next attempt is allowed.
 */
@Component
class LoginThrottle {

    private static final int MAX_TRACKED = 100_000;

    private final IdentityProperties.LoginThrottle limits;
    private final Map<String, Bucket> byEmail = lru();
    private final Map<String, Bucket> byAddress = lru();

    LoginThrottle(IdentityProperties properties) {
        this.limits = properties.loginThrottle();
    }

    /**
     * Takes one attempt from both buckets before the password is checked, so parallel guesses cannot all slip
     * through; 429 when either is empty. A successful sign-in gives the attempts back.
     */
    void checkAllowed(String email, String address) {
        Bucket perEmail = bucket(byEmail, email, limits.failuresPerEmail());
        Bucket perAddress = bucket(byAddress, address, limits.failuresPerAddress());
        var emailProbe = perEmail.tryConsumeAndReturnRemaining(1);
        if (!emailProbe.isConsumed()) {
            throw throttled(emailProbe.getNanosToWaitForRefill());
        }
        var addressProbe = perAddress.tryConsumeAndReturnRemaining(1);
        if (!addressProbe.isConsumed()) {
            perEmail.addTokens(1);
            throw throttled(addressProbe.getNanosToWaitForRefill());
        }
    }

    /** The attempt already counted in {@link #checkAllowed}; nothing more to take. */
    void recordFailure(String email, String address) {
        // intentionally empty: the attempt was taken before the password check
    }

    void recordSuccess(String email, String address) {
        byEmail.remove(key(email));
        Bucket perAddress = byAddress.get(key(address));
        if (perAddress != null) {
            perAddress.addTokens(1);
        }
    }

    private static RateLimitExceeded throttled(long nanos) {
        return new RateLimitExceeded("Too many failed sign-in attempts; try again later", Duration.ofNanos(nanos));
    }

    private Bucket bucket(Map<String, Bucket> buckets, String key, int capacity) {
        return buckets.computeIfAbsent(key(key), k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, limits.window()).build())
                .build());
    }

    private static String key(String value) {
        return value == null ? "" : value.trim().toLowerCase(java.util.Locale.ROOT);
    }

    private static Map<String, Bucket> lru() {
        return Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > MAX_TRACKED;
            }
        });
    }
}
