package ai.revo.missioncontrol.imports;

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
 * Imports run as durable db-scheduler work: one task instance per import, written in the transaction that starts
 * it. A node that dies mid-import leaves the instance to another node, which resumes after the last committed batch.
 */
@Configuration(proxyBeanMethods = false)
class ImportQueue {

    static final String TASK = "contact-import";

    private final ObjectProvider<SchedulerClient> scheduler;

    ImportQueue(ObjectProvider<SchedulerClient> scheduler) {
        this.scheduler = scheduler;
    }

    void enqueue(TenantId tenant, UUID importId, Instant at) {
        SchedulerClient client = scheduler.getObject();
        client.scheduleIfNotExists(
                new TaskInstance<>(TASK, importId.toString(), tenant.value().toString()), at);
        if (client instanceof Scheduler local) {
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        local.triggerCheckForDueExecutions();
                    }
                });
            } else {
                local.triggerCheckForDueExecutions();
            }
        }
    }

    @Bean
    static OneTimeTask<String> contactImportTask(ObjectProvider<ImportWorker> worker) {
        return Tasks.oneTime(TASK, String.class)
                .onFailure(RetryBackoff.standard())
                .execute((instance, context) ->
                        worker.getObject().run(TenantId.of(instance.getData()), UUID.fromString(instance.getId())));
    }
}
