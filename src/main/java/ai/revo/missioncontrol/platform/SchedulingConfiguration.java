package ai.revo.missioncontrol.platform;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Periodic work. Event publications whose listener failed (or whose node died mid-delivery) are handed to their
 * listeners again once they are older than the grace period; listeners are idempotent. That resubmission is a
 * recurring task of the cluster scheduler (db-scheduler), so it runs on one node at a time, not on every node.
 * Per-node work (e.g. keep-alives of live connections) still uses Spring's {@code @Scheduled}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableAsync
class SchedulingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SchedulingConfiguration.class);

    @Bean
    RecurringTask<Void> eventPublicationResubmission(
            IncompleteEventPublications incomplete,
            @Value("${mc.events.resubmit-after:5m}") Duration olderThan,
            @Value("${mc.events.resubmit-every:1m}") Duration every) {
        return Tasks.recurring("event-publication-resubmission", FixedDelay.of(every))
                .execute((instance, context) -> {
                    try {
                        incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
                    } catch (RuntimeException e) {
                        log.warn("Could not resubmit incomplete event publications: {}", e.getMessage());
                    }
                });
    }
}
