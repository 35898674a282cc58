package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.campaigns.CampaignManagement;
import ai.revo.missioncontrol.campaigns.CampaignStatus;
import ai.revo.missioncontrol.campaigns.CampaignView;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.SortOrder;
import ai.revo.missioncontrol.platform.TenantContext;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Recurring cluster tasks (one node at a time): campaigns whose end date has passed in their own time zone move from
 * ACTIVE or PAUSED to COMPLETED; expired idempotency keys are deleted.
 */
@Configuration(proxyBeanMethods = false)
class EmailHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(EmailHousekeeping.class);

    @Bean
    RecurringTask<Void> emailCampaignLifecycle(
            JdbcClient jdbc,
            CampaignManagement campaigns,
            Clock clock,
            @Value("${mc.email.lifecycle-check-every:1h}") Duration every) {
        return Tasks.recurring("email-campaign-lifecycle", FixedDelay.of(every)).execute((instance, context) -> {
            completeEndedCampaigns(jdbc, campaigns, clock);
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

    /** Moves every ACTIVE or PAUSED campaign whose end date is before today (in its zone) to COMPLETED. */
    static int completeEndedCampaigns(JdbcClient jdbc, CampaignManagement campaigns, Clock clock) {
        List<UUID> tenants = jdbc.sql("select * from email_tenants_with_ending_campaigns()")
                .query(UUID.class)
                .list();
        int completed = 0;
        for (UUID id : tenants) {
            TenantId tenant = new TenantId(id);
            try {
                completed += TenantContext.callAs(id, () -> {
                    int n = 0;
                    for (CampaignStatus status : List.of(CampaignStatus.ACTIVE, CampaignStatus.PAUSED)) {
                        for (CampaignView c : campaigns
                                .list(tenant, status, new PageQuery(1, 200), new SortOrder("createdAt", true))
                                .data()) {
                            if (c.endDate() != null
                                    && LocalDate.now(clock.withZone(zone(c))).isAfter(c.endDate())) {
                                campaigns.moveTo(tenant, c.id(), CampaignStatus.COMPLETED, Actor.system());
                                n++;
                            }
                        }
                    }
                    return n;
                });
            } catch (RuntimeException e) {
                log.warn("Could not complete the ended campaigns of workspace {}: {}", id, e.getMessage());
            }
        }
        return completed;
    }

    private static ZoneId zone(CampaignView c) {
        try {
            return ZoneId.of(c.timezone());
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
