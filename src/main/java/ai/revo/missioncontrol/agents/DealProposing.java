package ai.revo.missioncontrol.agents;

import ai.revo.missioncontrol.contacts.LeadManagement;
import ai.revo.missioncontrol.contacts.LeadStatus;
import ai.revo.missioncontrol.contacts.LeadView;
import ai.revo.missioncontrol.revenue.DealProposals;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The sales agent (seed 001): for every INTERESTED or BOOKED lead without a deal, proposes the deal through the
 * approval inbox (revenue's {@link DealProposals}); the deal opens only when a person approves. Each lead in its own
 * transaction; a lead that already has a deal or a proposal is skipped with the reason. No model is called: the
 * amount is the lead's potential value or none, never a guess.
 */
@Component
class DealProposing implements AgentWork {

    static final int DEFAULT_LIMIT = 200;

    private final LeadManagement leads;
    private final DealProposals proposals;

    DealProposing(LeadManagement leads, DealProposals proposals) {
        this.leads = leads;
        this.proposals = proposals;
    }

    @Override
    public String agentKey() {
        return "sales_agent";
    }

    @Override
    public void perform(RunContext run) {
        int limit = Math.max(1, Math.min(1000, run.intInput("limit", DEFAULT_LIMIT)));
        List<LeadView> candidates = new ArrayList<>();
        candidates.addAll(EnrichmentScoring.leadsIn(leads, run.tenant(), LeadStatus.INTERESTED, limit));
        candidates.addAll(EnrichmentScoring.leadsIn(leads, run.tenant(), LeadStatus.BOOKED, limit));
        if (candidates.size() > limit) {
            candidates = candidates.subList(0, limit);
        }
        for (LeadView lead : candidates) {
            String label = EnrichmentScoring.label(lead);
            try {
                DealProposals.Filed filed = proposals.propose(run.tenant(), lead.id(), run.runId(), run.agent());
                if (filed.skipped() != null) {
                    run.skipped("lead", lead.id(), label, filed.skipped());
                    continue;
                }
                run.count("dealsProposed");
                if (filed.proposal().amount() == null) {
                    run.count("withoutAmount");
                }
                run.done(
                        "lead",
                        lead.id(),
                        label,
                        "Proposed " + filed.proposal().name() + " for review: "
                                + (filed.proposal().amount() == null
                                        ? "no amount known"
                                        : filed.proposal().amount().toPlainString() + " "
                                                + filed.proposal().currency()),
                        filed.proposal().reviewDraftId(),
                        false);
            } catch (RuntimeException e) {
                run.failed("lead", lead.id(), label, e);
            }
        }
    }
}
