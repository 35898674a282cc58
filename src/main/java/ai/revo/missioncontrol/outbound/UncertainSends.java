package ai.revo.missioncontrol.outbound;

import ai.revo.missioncontrol.identity.TenantId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Uncertain sends, for every channel: a cluster task (one node at a time) declares UNKNOWN the messages whose
 * provider call started longer ago than {@code mc.outbound.unknown-after} without an outcome; and when a person
 * chooses "send again" for a message that no {@link SendAgainHandler} claims, the gateway sends it once more under
 * the key {@code <key>:again} (after the decision committed, outside any transaction; the publication registry
 * redelivers the event after a crash and the key keeps it to one send).
 */
@Configuration(proxyBeanMethods = false)
class UncertainSends {

    private static final Logger log = LoggerFactory.getLogger(UncertainSends.class);

    private final ObjectProvider<OutboundGateway> gateway;
    private final List<SendAgainHandler> handlers;

    UncertainSends(ObjectProvider<OutboundGateway> gateway, List<SendAgainHandler> handlers) {
        this.gateway = gateway;
        this.handlers = handlers;
    }

    @Bean
    static RecurringTask<Void> outboundLostOutcomes(
            ObjectProvider<OutboundGateway> gateway, @Value("${mc.outbound.unknown-check-every:1m}") Duration every) {
        return Tasks.recurring("outbound-lost-outcomes", FixedDelay.of(every)).execute((instance, context) -> {
            int lost = gateway.getObject().declareLostOutcomes();
            if (lost > 0) {
                log.warn("{} outbound messages had no recorded outcome and are now UNKNOWN", lost);
            }
        });
    }

    @Async
    @TransactionalEventListener
    void on(OutboundResolved resolved) {
        OutboundView m = resolved.message();
        if (resolved.markedSent() || handlers.stream().anyMatch(h -> h.sendsAgainItself(m))) {
            return;
        }
        gateway.getObject()
                .submit(
                        TenantId.of(resolved.tenantId().toString()),
                        new OutboundMessage(
                                m.channel(),
                                m.to(),
                                m.subject(),
                                m.body(),
                                m.campaignId(),
                                m.leadId(),
                                m.draftId(),
                                againKey(m.idempotencyKey()),
                                resolved.actor()));
    }

    static String againKey(String key) {
        String again = key + ":again";
        return again.length() <= 200 ? again : again.substring(again.length() - 200);
    }
}
