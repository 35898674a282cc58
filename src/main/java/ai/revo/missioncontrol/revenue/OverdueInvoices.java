package ai.revo.missioncontrol.revenue;

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
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Marks invoices OVERDUE once their due date has passed unpaid: a cluster task (one node at a time, every
 * {@code mc.revenue.overdue-check-every}, an hour by default) that looks at each workspace's calendar day in its own
 * time zone, so an invoice falls overdue on the first check after midnight there: a daily check per time zone. The same
 * task expires sent contracts past their last day and runs dunning.
 */
@Configuration(proxyBeanMethods = false)
class OverdueInvoices {

    private static final Logger log = LoggerFactory.getLogger(OverdueInvoices.class);

    private final Invoices invoices;
    private final Contracts contracts;
    private final Dunning dunning;
    private final JdbcClient jdbc;

    OverdueInvoices(Invoices invoices, Contracts contracts, Dunning dunning, JdbcClient jdbc) {
        this.invoices = invoices;
        this.contracts = contracts;
        this.dunning = dunning;
        this.jdbc = jdbc;
    }

    @Bean
    static RecurringTask<Void> revenueOverdueInvoices(
            ObjectProvider<OverdueInvoices> overdue, @Value("${mc.revenue.overdue-check-every:1h}") Duration every) {
        return Tasks.recurring("revenue-overdue-invoices", FixedDelay.of(every)).execute((instance, context) -> {
            overdue.getObject().markAll();
            overdue.getObject().expireContracts();
        });
    }

    /**
     * Runs the dunning check in every workspace with payable invoices (each step is drafted once, so running it
     * every hour drafts each reminder on its day); sending happens here, outside any transaction.
     */
    int dunAll() {
        int drafted = 0;
        for (UUID tenant : jdbc.sql("select * from revenue_tenants_with_payable_invoices()")
                .query(UUID.class)
                .list()) {
            try {
                drafted += TenantContext.callAs(tenant, () -> dunning.runToday(new TenantId(tenant)))
                        .drafted();
            } catch (RuntimeException e) {
                log.warn("Could not run dunning for workspace {}: {}", tenant, e.getMessage());
            }
        }
        return drafted;
    }

    /** Expires the sent contracts past their last day in every workspace that has some; answers how many. */
    int expireContracts() {
        int expired = 0;
        for (UUID tenant : jdbc.sql("select * from revenue_tenants_with_sent_contracts()")
                .query(UUID.class)
                .list()) {
            try {
                expired += TenantContext.callAs(tenant, () -> contracts.expire(new TenantId(tenant)));
            } catch (RuntimeException e) {
                log.warn("Could not expire the contracts of workspace {}: {}", tenant, e.getMessage());
            }
        }
        return expired;
    }

    /** Marks the overdue invoices of every workspace that has open ones; answers how many. */
    int markAll() {
        List<UUID> tenants = jdbc.sql("select * from revenue_tenants_with_open_invoices()")
                .query(UUID.class)
                .list();
        int marked = 0;
        for (UUID tenant : tenants) {
            try {
                marked += TenantContext.callAs(tenant, () -> invoices.markOverdue(new TenantId(tenant)));
            } catch (RuntimeException e) {
                log.warn("Could not mark the overdue invoices of workspace {}: {}", tenant, e.getMessage());
            }
        }
        if (marked > 0) {
            log.info("Marked {} invoice(s) overdue", marked);
        }
        return marked;
    }
}
