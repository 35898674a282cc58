package ai.revo.missioncontrol.identity;

import org.springframework.stereotype.Component;

/**
 * Token buckets every node shares, for other modules' sending rates (a WhatsApp number's blast rate): the API limits'
 * own buckets ({@link ApiLimits}: Redis when configured, PostgreSQL otherwise and while Redis does not answer), under
 * keys of their own.
 */
@Component
public class SharedRateBuckets {

    private final ApiLimits limits;

    SharedRateBuckets(ApiLimits limits) {
        this.limits = limits;
    }

    /**
     * Takes one token from the bucket {@code key} holding at most a tenth of a second's tokens, refilled at
     * {@code perSecond} a second (so at most that many a second across all nodes). Answers whether one was taken.
     */
    public boolean tryTake(String key, int perSecond) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("perSecond must be at least 1");
        }
        // a small burst (a tenth of a second), so the rate holds over short spans too
        int burst = Math.max(1, perSecond / 10);
        return limits.take("rate:" + key, new ApiLimits.Budget(key, burst, perSecond * 60))
                .allowed();
    }
}
