package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.drafts.ApprovalDecided;
import ai.revo.missioncontrol.identity.TenantId;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Hears the approval inbox's decisions and applies those on a deal proposal's draft, after the decision's commit
 * (as {@link ContractReviews} does); a proposal applies a decision only while it is open, so a second delivery
 * changes nothing.
 */
@Component
class DealProposalReviews {

    private final DealProposals proposals;

    DealProposalReviews(DealProposals proposals) {
        this.proposals = proposals;
    }

    @Async
    @TransactionalEventListener
    void on(ApprovalDecided decided) {
        if (decided.leadId() != null) {
            return; // a proposal's draft has no lead
        }
        proposals.reviewed(
                new TenantId(decided.tenantId()),
                decided.draftId(),
                decided.decision().name(),
                decided.decision().approves(),
                decided.notes(),
                decided.actor());
    }
}
