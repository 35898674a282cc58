package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.outbound.OutboundResolved;
import ai.revo.missioncontrol.outbound.OutboundView;
import ai.revo.missioncontrol.outbound.SendAgainHandler;
import ai.revo.missioncontrol.platform.ApiException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Revenue's emails carry a PDF the outbound log does not keep, so when a person chooses to send an UNKNOWN one
 * again, revenue sends it itself as its next attempt (the invoice, contract or reminder with its document, through
 * every check of the gateway) instead of the gateway resending the bare text. After the decision committed.
 */
@Component
class RevenueSendsAgain implements SendAgainHandler {

    private static final Logger log = LoggerFactory.getLogger(RevenueSendsAgain.class);

    private final ObjectProvider<Invoices> invoices;
    private final ObjectProvider<Contracts> contracts;
    private final ObjectProvider<Dunning> dunning;

    RevenueSendsAgain(
            ObjectProvider<Invoices> invoices, ObjectProvider<Contracts> contracts, ObjectProvider<Dunning> dunning) {
        this.invoices = invoices;
        this.contracts = contracts;
        this.dunning = dunning;
    }

    @Override
    public boolean sendsAgainItself(OutboundView message) {
        return message.idempotencyKey() != null && message.idempotencyKey().startsWith("revenue:");
    }

    @Async
    @TransactionalEventListener
    void on(OutboundResolved resolved) {
        if (resolved.markedSent() || !sendsAgainItself(resolved.message())) {
            return;
        }
        String[] key = resolved.message().idempotencyKey().split(":");
        if (key.length < 3) {
            return;
        }
        TenantId tenant = TenantId.of(resolved.tenantId().toString());
        UUID id = UUID.fromString(key[2]);
        try {
            switch (key[1]) {
                case "invoice" -> invoices.getObject().send(tenant, id, resolved.actor());
                case "contract" -> contracts.getObject().send(tenant, id, resolved.actor());
                case "reminder" -> dunning.getObject().approve(tenant, id, resolved.actor());
                default ->
                    log.warn(
                            "Unknown revenue message key {}", resolved.message().idempotencyKey());
            }
        } catch (ApiException refused) {
            // e.g. the reminder was stopped by a payment meanwhile: nothing is sent, and that is the answer
            log.info("Not sending {} again: {}", resolved.message().idempotencyKey(), refused.getMessage());
        }
    }
}
