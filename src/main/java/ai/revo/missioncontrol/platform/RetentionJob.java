package ai.revo.missioncontrol.platform;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The daily retention job (a db-scheduler recurring task, so one node runs it): every {@link RetentionTarget} removes
 * its rows older than its keep-for, in batches (each its own statement, so no long lock), until none is left or the
 * job's time budget is spent; the next day carries on.
 */
@Configuration(proxyBeanMethods = false)
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    static final int BATCH = 5_000;

    private final List<RetentionTarget> targets;
    private final Clock clock;
    private final Duration budget;

    RetentionJob(
            List<RetentionTarget> targets, Clock clock, @Value("${mc.retention.time-budget:30m}") Duration budget) {
        this.targets = targets;
        this.clock = clock;
        this.budget = budget;
    }

    @Bean
    RecurringTask<Void> retention(@Value("${mc.retention.daily-at:03:30}") LocalTime at) {
        return Tasks.recurring("retention", Schedules.daily(java.time.ZoneOffset.UTC, at))
                .execute((instance, context) -> purge());
    }

    /** One pass over every target; answers what each removed. */
    public Map<String, Integer> purge() {
        Instant now = clock.instant();
        long stopAt = System.nanoTime() + budget.toNanos();
        Map<String, Integer> removed = new LinkedHashMap<>();
        for (RetentionTarget target : targets) {
            Duration keep = target.keepFor();
            if (keep == null || keep.isZero() || keep.isNegative()) {
                continue;
            }
            Instant cutoff = now.minus(keep);
            int total = 0;
            try {
                int n;
                do {
                    n = target.purgeOlderThan(cutoff, BATCH);
                    total += n;
                } while (n >= BATCH && System.nanoTime() < stopAt);
            } catch (RuntimeException e) {
                log.warn("Retention of {} failed after removing {}: {}", target.what(), total, e.getMessage());
            }
            removed.put(target.what(), total);
            if (total > 0) {
                log.info(
                        "Retention removed {} {} older than {} ({} kept for {})",
                        total,
                        target.what(),
                        cutoff,
                        target.what(),
                        keep);
            }
        }
        return removed;
    }
}
