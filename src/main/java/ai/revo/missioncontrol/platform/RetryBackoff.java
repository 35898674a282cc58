package ai.revo.missioncontrol.platform;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a durable task that threw is tried again: after a first delay that doubles with each consecutive failure up
 * to a ceiling, so a task failing for good (a provider down for a day, a bug) stops hammering the database and the
 * provider every few seconds, while a passing fault still clears within a minute. Nothing is dropped: the task stays
 * scheduled until it succeeds or a person removes the cause. Each failure is logged at WARN with its count; from
 * the fifth consecutive failure at ERROR, which is what an operator's alerting should watch.
 *
 * <p>db-scheduler's own default retries a one-time task every five minutes forever, and its exponential handler has
 * no ceiling (a week between tries after twenty failures); this sits between the two.
 */
public final class RetryBackoff<T> implements FailureHandler<T> {

    private static final Logger log = LoggerFactory.getLogger(RetryBackoff.class);
    static final int LOUD_AFTER = 5;

    private final Duration first;
    private final Duration ceiling;

    private RetryBackoff(Duration first, Duration ceiling) {
        if (first.isNegative() || first.isZero() || ceiling.compareTo(first) < 0) {
            throw new IllegalArgumentException("first must be positive and at most the ceiling");
        }
        this.first = first;
        this.ceiling = ceiling;
    }

    /** 30 seconds, then 1, 2, 4 … minutes, at most 6 hours between tries. */
    public static <T> RetryBackoff<T> standard() {
        return of(Duration.ofSeconds(30), Duration.ofHours(6));
    }

    public static <T> RetryBackoff<T> of(Duration first, Duration ceiling) {
        return new RetryBackoff<>(first, ceiling);
    }

    /** The wait before the next try, given how many tries in a row had already failed before this one. */
    public Duration delayAfter(int earlierFailures) {
        Duration delay = first;
        for (int i = 0; i < earlierFailures && delay.compareTo(ceiling) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(ceiling) > 0 ? ceiling : delay;
    }

    @Override
    public void onFailure(ExecutionComplete complete, ExecutionOperations<T> operations) {
        int earlier = Math.max(0, complete.getExecution().consecutiveFailures);
        Duration delay = delayAfter(earlier);
        Instant next = complete.getTimeDone().plus(delay);
        String task = complete.getExecution().taskInstance.getTaskAndInstance();
        Throwable cause = complete.getCause().orElse(null);
        String reason = cause == null ? "unknown" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        if (earlier + 1 >= LOUD_AFTER) {
            log.error("Task {} failed {} times in a row ({}); next try in {}", task, earlier + 1, reason, delay);
        } else {
            log.warn("Task {} failed ({}); try {} in {}", task, reason, earlier + 2, delay);
        }
        operations.reschedule(complete, next);
    }
}
