package ai.revo.missioncontrol.whatsapp;

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
 * A blast is one db-scheduler task (its id the blast's), written in the transaction that queues it: one node works
 * it at a time, and a node that dies mid-way leaves it to another (db-scheduler's dead-execution detection), which
 * carries on where the recipients' statuses say.
 */
@Configuration(proxyBeanMethods = false)
class WhatsAppBlastQueue {

    static final String TASK = "whatsapp-blast";

    private final ObjectProvider<SchedulerClient> scheduler;

    WhatsAppBlastQueue(ObjectProvider<SchedulerClient> scheduler) {
        this.scheduler = scheduler;
    }

    void enqueue(TenantId tenant, UUID blastId) {
        SchedulerClient client = scheduler.getObject();
        client.scheduleIfNotExists(
                new TaskInstance<>(TASK, blastId.toString(), tenant.value().toString()), Instant.now());
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
    static OneTimeTask<String> whatsappBlastTask(ObjectProvider<WhatsAppBlasts> blasts) {
        return Tasks.oneTime(TASK, String.class)
                .onFailure(RetryBackoff.standard())
                .execute((instance, context) ->
                        blasts.getObject().run(TenantId.of(instance.getData()), UUID.fromString(instance.getId())));
    }
}
