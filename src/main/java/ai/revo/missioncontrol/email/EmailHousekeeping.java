package ai.revo.missioncontrol.email;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A recurring cluster task (one node at a time): expired idempotency keys are deleted. (The end-date rule of
 * campaigns lives in the campaigns module, {@code CampaignLifecycle}; the task keeps its name so that existing
 * installations' schedule carries on.)
 */
@Configuration(proxyBeanMethods = false)
class EmailHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(EmailHousekeeping.class);

    @Bean
    RecurringTask<Void> emailCampaignLifecycle(
            JdbcClient jdbc, @Value("${mc.email.lifecycle-check-every:1h}") Duration every) {
        return Tasks.recurring("email-campaign-lifecycle", FixedDelay.of(every)).execute((instance, context) -> {
            try {
                Integer gone = jdbc.sql("select email_delete_expired_idempotency_keys()")
                        .query(Integer.class)
                        .single();
                if (gone != null && gone > 0) {
                    log.info("Deleted {} expired idempotency keys", gone);
                }
            } catch (RuntimeException e) {
                log.warn("Could not delete expired idempotency keys: {}", e.getMessage());
            }
        });
    }
}
