package ai.revo.missioncontrol.scheduling;

import ai.revo.missioncontrol.identity.TenantId;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * At start-up, brings the cluster scheduler in line with every workspace's jobs: an enabled job without an entry
 * gets one at its next fire time (an existing entry is kept, so a fire time missed while down is caught up or
 * skipped when it runs), a disabled job loses its entry, and runs left RUNNING by a dead node past the stale limit
 * are marked FAILED. Idempotent, so every node may do it.
 */
@Component
class JobReconciler {

    private static final Logger log = LoggerFactory.getLogger(JobReconciler.class);

    private final JdbcClient jdbc;
    private final JobRuns runs;
    private final JobTriggers triggers;

    JobReconciler(JdbcClient jdbc, JobRuns runs, JobTriggers triggers) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.triggers = triggers;
    }

    @EventListener(ApplicationReadyEvent.class)
    void reconcileAll() {
        List<UUID> tenants = jdbc.sql("select scheduling_tenants_with_jobs()")
                .query(UUID.class)
                .list();
        int planned = 0;
        for (UUID id : tenants) {
            try {
                planned += reconcile(new TenantId(id));
            } catch (RuntimeException e) {
                log.warn("Could not reconcile the scheduler jobs of workspace {}: {}", id, e.getMessage());
            }
        }
        log.info("Scheduler jobs reconciled for {} workspaces; {} entries added", tenants.size(), planned);
    }

    int reconcile(TenantId tenant) {
        int failed = runs.failStale(tenant);
        if (failed > 0) {
            log.info("Marked {} stale runs of workspace {} as FAILED (interrupted)", failed, tenant);
        }
        int planned = 0;
        for (JobRuns.Plan plan : runs.plans(tenant)) {
            if (plan.enabled()) {
                try {
                    planned += triggers.planIfMissing(tenant, plan.jobId(), plan.nextFireAt()) ? 1 : 0;
                } catch (RuntimeException raceWithAnotherNode) {
                    log.debug("Job {} was planned concurrently: {}", plan.jobId(), raceWithAnotherNode.getMessage());
                }
            } else {
                triggers.unplan(plan.jobId());
            }
        }
        return planned;
    }
}
