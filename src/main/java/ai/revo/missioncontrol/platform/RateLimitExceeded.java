package ai.revo.missioncontrol.platform;

import java.time.Duration;
import java.util.Map;

/** 429 with the number of seconds after which the client may try again (sent as {@code Retry-After}). */
public class RateLimitExceeded extends ApiException {

    private final long retryAfterSeconds;

    public RateLimitExceeded(String message, Duration retryAfter) {
        super(
                ErrorCode.RATE_LIMIT_EXCEEDED,
                message,
                Map.of("retryAfterSeconds", Math.max(1, (retryAfter.toMillis() + 999) / 1000)));
        this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
