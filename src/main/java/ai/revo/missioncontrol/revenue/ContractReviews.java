package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.drafts.ApprovalDecided;
import ai.revo.missioncontrol.identity.TenantId;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Hears the approval inbox's decisions and applies those on a contract's draft. After the decision's commit, outside
 * a transaction, so the facade's own transaction starts with the event's workspace bound (row-level security); the
 * publication registry redelivers after a crash, and a contract applies a decision only while it waits for that
 * draft, so a second delivery changes nothing.
 */
@Component
class ContractReviews {

    private final Contracts contracts;

    ContractReviews(Contracts contracts) {
        this.contracts = contracts;
    }

    @Async
    @TransactionalEventListener
    void on(ApprovalDecided decided) {
        if (decided.leadId() != null) {
            return; // a contract's draft has no lead
        }
        contracts.reviewed(
                new TenantId(decided.tenantId()),
                decided.draftId(),
                decided.decision().name(),
                decided.decision().approves(),
                decided.notes(),
                decided.actor());
    }
}
