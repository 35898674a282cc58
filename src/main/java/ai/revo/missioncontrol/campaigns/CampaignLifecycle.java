package ai.revo.missioncontrol.campaigns;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.TenantContext;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A recurring cluster task (one node at a time): campaigns whose end date has passed in their own time zone move
 * from ACTIVE or PAUSED to COMPLETED. The rule is the campaign's own ({@code Campaign#hasEnded}); this only finds the
 * workspaces that have such campaigns.
 */
@Configuration(proxyBeanMethods = false)
class CampaignLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CampaignLifecycle.class);

    @Bean
    RecurringTask<Void> campaignEndDateCheck(
            JdbcClient jdbc,
            CampaignManagement campaigns,
            @Value("${mc.campaigns.lifecycle-check-every:${mc.email.lifecycle-check-every:1h}}") Duration every) {
        return Tasks.recurring("campaign-lifecycle", FixedDelay.of(every))
                .execute((instance, context) -> completeEndedCampaigns(jdbc, campaigns));
    }

    /** Completes the ended campaigns of every workspace; answers how many. */
    static int completeEndedCampaigns(JdbcClient jdbc, CampaignManagement campaigns) {
        List<UUID> tenants = jdbc.sql("select * from campaigns_tenants_with_ending_campaigns()")
                .query(UUID.class)
                .list();
        int completed = 0;
        for (UUID id : tenants) {
            try {
                completed += TenantContext.callAs(id, () -> campaigns.completeEnded(new TenantId(id)));
            } catch (RuntimeException e) {
                log.warn("Could not complete the ended campaigns of workspace {}: {}", id, e.getMessage());
            }
        }
        if (completed > 0) {
            log.info("Completed {} campaigns past their end date", completed);
        }
        return completed;
    }
}
