package ai.revo.missioncontrol.sites;

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
 * The data monitor (seed 003): a recurring cluster task, every {@code MC_SITES_MONITOR_EVERY} (15 minutes), that
 * marks SILENT every CONNECTED or WAITING site that sent nothing for longer than its silentAfter (which raises a
 * notification). A site is CONNECTED again with its next event; ingestion does that, not this task.
 */
@Configuration(proxyBeanMethods = false)
class DataMonitor {

    private static final Logger log = LoggerFactory.getLogger(DataMonitor.class);

    @Bean
    RecurringTask<Void> siteDataMonitor(
            JdbcClient jdbc, SiteHealth health, @Value("${mc.sites.monitor-every:15m}") Duration every) {
        return Tasks.recurring("site-data-monitor", FixedDelay.of(every))
                .execute((instance, context) -> checkAll(jdbc, health));
    }

    /** Checks the sites of every workspace; answers how many went silent. */
    static int checkAll(JdbcClient jdbc, SiteHealth health) {
        List<UUID> tenants = jdbc.sql("select * from sites_tenants_with_sites()")
                .query(UUID.class)
                .list();
        int silent = 0;
        for (UUID id : tenants) {
            try {
                silent += TenantContext.callAs(id, () -> health.flagSilent(new TenantId(id)));
            } catch (RuntimeException e) {
                log.warn("Could not check the sites of workspace {}: {}", id, e.getMessage());
            }
        }
        return silent;
    }
}
