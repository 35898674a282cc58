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

    void checkAllowed(String email, String address) {
        check(byEmail, email, limits.failuresPerEmail());
        check(byAddress, address, limits.failuresPerAddress());
    }

    void recordFailure(String email, String address) {
        bucket(byEmail, email, limits.failuresPerEmail()).tryConsume(1);
        bucket(byAddress, address, limits.failuresPerAddress()).tryConsume(1);
    }

    void recordSuccess(String email) {
        byEmail.remove(key(email));
    }

    private void check(Map<String, Bucket> buckets, String key, int capacity) {
        Bucket bucket = buckets.get(key(key));
        if (bucket != null && bucket.getAvailableTokens() < 1) {
            long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
            throw new RateLimitExceeded("Too many failed sign-in attempts; try again later", Duration.ofNanos(nanos));
        }
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
