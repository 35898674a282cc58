package ai.revo.missioncontrol.webhooks;

import ai.revo.missioncontrol.identity.TenantId;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The durable work of this module, on db-scheduler. Each subscription has one task instance for its whole life
 * ({@code webhook-dispatch}, id = the subscription's id): it delivers what is due in order, then moves itself to the
 * next retry time or, idle, a short check later; a new event brings it forward to now. A node killed mid-delivery
 * leaves the instance to be revived by another node, which sends the same delivery again under the same
 * {@code webhook-id} (at least once; receivers drop duplicates by that id). A test event or a resend is one attempt
 * of its own ({@code webhook-attempt}, id = delivery id and attempt number), never retried.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryQueue {

    static final String DISPATCH = "webhook-dispatch";
    static final String ATTEMPT = "webhook-attempt";

    private final ObjectProvider<SchedulerClient> scheduler;
    /** Subscriptions poked while their dispatch ran on this node: it goes round once more before it rests. */
    private final Map<UUID, Instant> pokedWhileRunning = new ConcurrentHashMap<>();

    DeliveryQueue(ObjectProvider<SchedulerClient> scheduler) {
        this.scheduler = scheduler;
    }

    /** Creates the subscription's dispatch instance (inside the transaction that creates or enables it). */
    void start(TenantId tenant, UUID subscriptionId) {
        scheduler
                .getObject()
                .scheduleIfNotExists(
                        new TaskInstance<>(
                                DISPATCH,
                                subscriptionId.toString(),
                                tenant.value().toString()),
                        Instant.now());
        triggerAfterCommit();
    }

    /** Brings the subscription's dispatch forward to now; never throws, the idle check is the safety net. */
    void poke(TenantId tenant, UUID subscriptionId) {
        SchedulerClient client = scheduler.getObject();
        try {
            client.reschedule(TaskInstanceId.of(DISPATCH, subscriptionId.toString()), Instant.now());
        } catch (TaskInstanceCurrentlyExecutingException running) {
            pokedWhileRunning.put(subscriptionId, Instant.now());
        } catch (TaskInstanceNotFoundException gone) {
            client.scheduleIfNotExists(
                    new TaskInstance<>(
                            DISPATCH, subscriptionId.toString(), tenant.value().toString()),
                    Instant.now());
        }
        if (client instanceof Scheduler local) {
            local.triggerCheckForDueExecutions();
        }
    }

    /** True (and forgotten) when the subscription was poked on this node since {@code since}. */
    boolean pokedSince(UUID subscriptionId, Instant since) {
        Instant at = pokedWhileRunning.remove(subscriptionId);
        return at != null && !at.isBefore(since);
    }

    /** Queues one attempt of a delivery (a test event or a resend), in the caller's transaction. */
    void attempt(TenantId tenant, UUID subscriptionId, UUID deliveryId, int attempt) {
        scheduler
                .getObject()
                .scheduleIfNotExists(
                        new TaskInstance<>(ATTEMPT, deliveryId + "#" + attempt, tenant.value() + "/" + subscriptionId),
                        Instant.now());
        triggerAfterCommit();
    }

    private void triggerAfterCommit() {
        if (scheduler.getObject() instanceof Scheduler local
                && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    local.triggerCheckForDueExecutions();
                }
            });
        }
    }

    @Bean
    static Task<String> webhookDispatchTask(ObjectProvider<WebhookDispatcher> dispatcher) {
        return Tasks.custom(DISPATCH, String.class)
                .onFailure((complete, ops) ->
                        ops.reschedule(complete, Instant.now().plus(Duration.ofSeconds(30))))
                .execute((instance, context) -> {
                    Instant next = dispatcher
                            .getObject()
                            .dispatch(TenantId.of(instance.getData()), UUID.fromString(instance.getId()));
                    return next == null
                            ? (CompletionHandler<String>) (complete, ops) -> ops.remove()
                            : (complete, ops) -> ops.reschedule(complete, next);
                });
    }

    @Bean
    static OneTimeTask<String> webhookAttemptTask(ObjectProvider<WebhookDispatcher> dispatcher) {
        return Tasks.oneTime(ATTEMPT, String.class).execute((instance, context) -> {
            String[] ids = instance.getData().split("/");
            String id = instance.getId();
            dispatcher
                    .getObject()
                    .attemptOnce(
                            TenantId.of(ids[0]),
                            UUID.fromString(ids[1]),
                            UUID.fromString(id.substring(0, id.indexOf('#'))));
        });
    }
}
