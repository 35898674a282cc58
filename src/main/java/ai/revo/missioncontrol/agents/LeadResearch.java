package ai.revo.missioncontrol.agents;

import ai.revo.missioncontrol.campaigns.CampaignManagement;
import ai.revo.missioncontrol.campaigns.CampaignStatus;
import ai.revo.missioncontrol.campaigns.CampaignView;
import ai.revo.missioncontrol.contacts.ContactView;
import ai.revo.missioncontrol.contacts.LeadManagement;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorCode;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.tasks.BoardColumn;
import ai.revo.missioncontrol.tasks.TaskManagement;
import ai.revo.missioncontrol.tasks.TaskView;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * lead_research: for each ACTIVE campaign, enrols the workspace's contacts that fit its ideal customer and are not
 * yet its leads, as NEW leads, with a research task on the board that shows the progress; at most the workspace's
 * per-run limit in all (see {@link ResearchEnrolment}). When the workspace requires confirmation, a run without
 * {@code confirmed: true} in its input enrols nothing: it lists what it would enrol and asks on the board.
 */
@Component
class LeadResearch extends ScheduledAgentJob {

    private final LeadManagement leads;
    private final TaskManagement tasks;
    private final ResearchEnrolment enrolment;

    LeadResearch(LeadManagement leads, TaskManagement tasks, ResearchEnrolment enrolment) {
        this.leads = leads;
        this.tasks = tasks;
        this.enrolment = enrolment;
    }

    @Override
    public String agentKey() {
        return "lead_researcher";
    }

    @Override
    public void perform(RunContext run) {
        ResearchEnrolment.Plan plan =
                enrolment.plan(run.tenant(), run.intInput("limitPerCampaign", ResearchEnrolment.SCAN_PER_CAMPAIGN));
        if (plan.notMatching() > 0) {
            run.count("notMatching", plan.notMatching());
        }
        for (ResearchEnrolment.Skip skip : plan.skipped()) {
            run.skipped(
                    "contact",
                    skip.contact().id(),
                    name(skip.contact()) + " → " + skip.campaign().name(),
                    skip.reason());
        }
        if (plan.limited()) {
            run.count("stoppedAtLimit");
        }
        boolean confirmed = Boolean.TRUE.equals(run.input().get("confirmed"));
        if (plan.needsConfirmation() && !confirmed) {
            awaitConfirmation(run, plan);
            return;
        }
        Map<UUID, List<ResearchEnrolment.Candidate>> by = plan.byCampaign();
        for (CampaignView campaign : plan.campaigns()) {
            if (run.aborted()) {
                return;
            }
            try {
                research(run, campaign, by.getOrDefault(campaign.id(), List.of()));
            } catch (RuntimeException e) {
                run.failed("campaign", campaign.id(), campaign.name(), e);
            }
        }
    }

    /** A person must confirm: nothing is enrolled; the run lists what it would do and a task asks for the decision. */
    private void awaitConfirmation(RunContext run, ResearchEnrolment.Plan plan) {
        for (ResearchEnrolment.Candidate c : plan.enrol()) {
            run.skipped(
                    "contact",
                    c.contact().id(),
                    name(c.contact()) + " → " + c.campaign().name(),
                    "Awaiting confirmation: would enrol (" + String.join(", ", matched(c.fit())) + ")");
        }
        run.count("awaitingConfirmation", plan.enrol().size());
        if (plan.enrol().isEmpty()) {
            return;
        }
        tasks.create(
                run.tenant(),
                new TaskManagement.TaskFields(
                        "Confirm lead research: " + plan.enrol().size() + " contacts in "
                                + plan.byCampaign().size() + " campaigns",
                        "Lead research needs a person's confirmation before it enrols. Open Agents, look at the "
                                + "preview and press Enrol now, or change the criteria.",
                        "NORMAL",
                        null,
                        List.of("research", "confirmation"),
                        null,
                        null,
                        null,
                        null),
                BoardColumn.NEEDS_APPROVAL,
                run.agent());
    }

    private void research(RunContext run, CampaignView campaign, List<ResearchEnrolment.Candidate> candidates) {
        TaskView task = tasks.create(
                run.tenant(),
                new TaskManagement.TaskFields(
                        "Research leads for " + campaign.name(),
                        "Contacts of the workspace that fit the campaign's ideal customer, enrolled as "
                                + "new leads by the lead researcher.",
                        "NORMAL",
                        null,
                        List.of("research"),
                        null,
                        null,
                        null,
                        campaign.id()),
                BoardColumn.DOING,
                run.agent());
        int enrolled = 0;
        int looked = 0;
        for (ResearchEnrolment.Candidate candidate : candidates) {
            looked++;
            ContactView contact = candidate.contact();
            String label = name(contact) + " → " + campaign.name();
            try {
                UUID lead = leads.enrol(run.tenant(), campaign.id(), contact.id(), null, null, run.agent())
                        .id();
                enrolled++;
                run.count("leadsEnrolled");
                run.done("lead", lead, label, "Enrolled: " + String.join(", ", matched(candidate.fit())), null, false);
            } catch (ApiException e) {
                if (e.code() == ErrorCode.CONFLICT) {
                    run.skipped("contact", contact.id(), label, "Already a lead of the campaign");
                } else {
                    run.failed("contact", contact.id(), label, e);
                }
            } catch (RuntimeException e) {
                run.failed("contact", contact.id(), label, e);
            }
            if (looked % 50 == 0) {
                tasks.progress(
                        run.tenant(),
                        task.id(),
                        "Enrolled " + enrolled + " of " + candidates.size() + " fitting contacts",
                        looked * 100 / candidates.size(),
                        run.agent());
            }
        }
        tasks.progress(
                run.tenant(),
                task.id(),
                "Of " + candidates.size() + " fitting contacts, enrolled " + enrolled + " new leads",
                100,
                run.agent());
        tasks.move(run.tenant(), task.id(), BoardColumn.NEEDS_APPROVAL, null, run.agent(), false);
        run.count("campaigns");
    }

    private static List<String> matched(Fit fit) {
        return fit.matched().isEmpty() ? List.of("the campaign has no criteria yet") : fit.matched();
    }

    static String name(ContactView c) {
        String name = ((c.firstName() == null ? "" : c.firstName()) + " " + (c.lastName() == null ? "" : c.lastName()))
                .trim();
        return name.isEmpty() ? (c.email() != null ? c.email() : String.valueOf(c.id())) : name;
    }

    /** The workspace's ACTIVE campaigns, all of them. */
    static final class Campaigns {
        private Campaigns() {}

        static List<CampaignView> active(CampaignManagement campaigns, ai.revo.missioncontrol.identity.TenantId t) {
            java.util.ArrayList<CampaignView> all = new java.util.ArrayList<>();
            for (int page = 1; ; page++) {
                var result = campaigns.list(
                        t,
                        CampaignStatus.ACTIVE,
                        new PageQuery(page, 100),
                        ai.revo.missioncontrol.platform.SortOrder.of(
                                "createdAt", "asc", CampaignManagement.SORTABLE, "createdAt", true));
                all.addAll(result.data());
                if (result.data().size() < 100) {
                    return all;
                }
            }
        }
    }
}
