package ai.revo.missioncontrol.whatsapp;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.RetryBackoff;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Template syncs as cluster work: every {@code mc.whatsapp.template-sync-every} (an hour) one node syncs every
 * connected workspace; a sync asked for by a template error or an unknown template in Meta's status webhook is a
 * one-time task per workspace (a second request while one waits adds nothing).
 */
@Configuration(proxyBeanMethods = false)
class WhatsAppTemplateSync {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppTemplateSync.class);
    static final String TASK = "whatsapp-template-sync";

    private final ObjectProvider<SchedulerClient> scheduler;

    WhatsAppTemplateSync(ObjectProvider<SchedulerClient> scheduler) {
        this.scheduler = scheduler;
    }

    /** Schedules a sync of the workspace now (joins the caller's transaction when there is one). */
    void request(TenantId tenant, String trigger) {
        SchedulerClient client = scheduler.getObject();
        client.scheduleIfNotExists(new TaskInstance<>(TASK, tenant.value().toString(), trigger), Instant.now());
        if (client instanceof Scheduler local && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    local.triggerCheckForDueExecutions();
                }
            });
        } else if (client instanceof Scheduler local) {
            local.triggerCheckForDueExecutions();
        }
    }

    @Bean
    static OneTimeTask<String> whatsappTemplateSyncTask(ObjectProvider<WhatsAppTemplates> templates) {
        return Tasks.oneTime(TASK, String.class)
                .onFailure(RetryBackoff.of(Duration.ofMinutes(1), Duration.ofHours(6)))
                .execute((instance, context) -> {
                    try {
                        templates.getObject().sync(TenantId.of(instance.getId()), instance.getData(), Actor.system());
                    } catch (ApiException e) {
                        log.info("No template sync for workspace {}: {}", instance.getId(), e.getMessage());
                    }
                });
    }

    @Bean
    static RecurringTask<Void> whatsappTemplateSyncHourly(
            ObjectProvider<WhatsAppTemplates> templates,
            ObjectProvider<JdbcClient> jdbc,
            @Value("${mc.whatsapp.template-sync-every:1h}") Duration every) {
        return Tasks.recurring("whatsapp-template-sync-hourly", FixedDelay.of(every))
                .execute((instance, context) -> {
                    for (UUID tenant : jdbc.getObject()
                            .sql("select distinct tenant_id from whatsapp_webhook_accounts()")
                            .query(UUID.class)
                            .list()) {
                        try {
                            templates.getObject().sync(new TenantId(tenant), "HOURLY", Actor.system());
                        } catch (RuntimeException e) {
                            log.warn("Could not sync the WhatsApp templates of workspace {}: {}", tenant, e.toString());
                        }
                    }
                });
    }
}
