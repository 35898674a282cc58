package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.drafts.ApprovalDecided;
import ai.revo.missioncontrol.identity.TenantId;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Hears the approval inbox's decisions and applies those on a dunning reminder's draft. After the decision's commit,
 * outside a transaction (an approval sends the reminder through the gateway); the publication registry redelivers
 * after a crash, and a reminder is only sent while it is DRAFTED or NOT_SENT and claimed, so a second delivery sends
 * nothing.
 */
@Component
class DunningReviews {

    private final Dunning dunning;

    DunningReviews(Dunning dunning) {
        this.dunning = dunning;
    }

    @Async
    @TransactionalEventListener
    void on(ApprovalDecided decided) {
        if (decided.leadId() != null) {
            return; // a reminder's draft has no lead
        }
        dunning.reviewed(
                new TenantId(decided.tenantId()),
                decided.draftId(),
                decided.decision(),
                decided.notes(),
                decided.actor());
    }
}
