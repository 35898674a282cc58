package ai.revo.missioncontrol.sites;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.RetryBackoff;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Processing a stored event is durable db-scheduler work: one task instance per attempt ({@code <eventId>#<attempt>}),
 * written in the transaction that stores or re-queues the event, run by whichever node picks it first. An attempt
 * superseded by a reprocess finds its number outdated and does nothing.
 */
@Configuration(proxyBeanMethods = false)
class SiteEventQueue {

    static final String TASK = "site-event-process";

    private final ObjectProvider<SchedulerClient> scheduler;

    SiteEventQueue(ObjectProvider<SchedulerClient> scheduler) {
        this.scheduler = scheduler;
    }

    void enqueue(TenantId tenant, UUID eventId, int attempt) {
        SchedulerClient client = scheduler.getObject();
        client.scheduleIfNotExists(
                new TaskInstance<>(TASK, eventId + "#" + attempt, tenant.value().toString()), Instant.now());
        if (client instanceof Scheduler local && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    local.triggerCheckForDueExecutions();
                }
            });
        }
    }

    @Bean
    static OneTimeTask<String> siteEventProcessTask(ObjectProvider<SiteEventWorker> worker) {
        return Tasks.oneTime(TASK, String.class)
                .onFailure(RetryBackoff.standard())
                .execute((instance, context) -> {
                    String id = instance.getId();
                    int hash = id.indexOf('#');
                    worker.getObject()
                            .run(
                                    TenantId.of(instance.getData()),
                                    UUID.fromString(id.substring(0, hash)),
                                    Integer.parseInt(id.substring(hash + 1)));
                });
    }
}
