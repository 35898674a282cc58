package ai.revo.missioncontrol.agents;

import ai.revo.missioncontrol.campaigns.CampaignManagement;
import ai.revo.missioncontrol.campaigns.CampaignStatus;
import ai.revo.missioncontrol.campaigns.CampaignView;
import ai.revo.missioncontrol.contacts.CompanyDirectory;
import ai.revo.missioncontrol.contacts.ContactView;
import ai.revo.missioncontrol.contacts.LeadManagement;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorCode;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.safety.Channel;
import ai.revo.missioncontrol.safety.SafetyManagement;
import ai.revo.missioncontrol.tasks.BoardColumn;
import ai.revo.missioncontrol.tasks.TaskManagement;
import ai.revo.missioncontrol.tasks.TaskView;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * lead_research: for each ACTIVE campaign, enrols the workspace's contacts that fit its ideal customer and are not
 * yet its leads, as NEW leads, with a research task on the board that shows the progress.
 */
@Component
class LeadResearch extends ScheduledAgentJob {

    static final int DEFAULT_LIMIT = 500;

    private final CampaignManagement campaigns;
    private final ai.revo.missioncontrol.contacts.ContactManagement contacts;
    private final CompanyDirectory companies;
    private final LeadManagement leads;
    private final TaskManagement tasks;
    private final SafetyManagement safety;

    LeadResearch(
            CampaignManagement campaigns,
            ai.revo.missioncontrol.contacts.ContactManagement contacts,
            CompanyDirectory companies,
            LeadManagement leads,
            TaskManagement tasks,
            SafetyManagement safety) {
        this.campaigns = campaigns;
        this.contacts = contacts;
        this.companies = companies;
        this.leads = leads;
        this.tasks = tasks;
        this.safety = safety;
    }

    @Override
    public String agentKey() {
        return "lead_researcher";
    }

    @Override
    public void perform(RunContext run) {
        int limit = run.intInput("limitPerCampaign", DEFAULT_LIMIT);
        for (CampaignView campaign : Campaigns.active(campaigns, run.tenant())) {
            if (run.aborted()) {
                return;
            }
            try {
                research(run, campaign, limit);
            } catch (RuntimeException e) {
                run.failed("campaign", campaign.id(), campaign.name(), e);
            }
        }
    }

    private void research(RunContext run, CampaignView campaign, int limit) {
        List<ContactView> candidates = contacts.notEnrolledIn(run.tenant(), campaign.id(), limit);
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
        for (ContactView contact : candidates) {
            looked++;
            Fit fit = Fit.of(
                    campaign.criteria(),
                    new Fit.Person(
                            contact.jobTitle(),
                            contact.city(),
                            contact.country(),
                            companies.forEmail(run.tenant(), contact.email()).orElse(null)));
            if (!fit.matchesAny()) {
                run.count("notMatching");
                continue;
            }
            String label = name(contact) + " → " + campaign.name();
            String suppressed = suppressed(run, contact);
            if (suppressed != null) {
                run.skipped("contact", contact.id(), label, suppressed);
                continue;
            }
            try {
                UUID lead = leads.enrol(run.tenant(), campaign.id(), contact.id(), null, null, run.agent())
                        .id();
                enrolled++;
                run.count("leadsEnrolled");
                run.done(
                        "lead",
                        lead,
                        label,
                        "Enrolled: "
                                + String.join(
                                        ", ",
                                        fit.matched().isEmpty()
                                                ? List.of("the campaign has no criteria yet")
                                                : fit.matched()),
                        null,
                        false);
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
                        "Looked at " + looked + " of " + candidates.size() + " contacts; enrolled " + enrolled,
                        looked * 100 / candidates.size(),
                        run.agent());
            }
        }
        tasks.progress(
                run.tenant(),
                task.id(),
                "Looked at " + candidates.size() + " contacts; enrolled " + enrolled + " new leads",
                100,
                run.agent());
        tasks.move(run.tenant(), task.id(), BoardColumn.NEEDS_APPROVAL, null, run.agent(), false);
        run.count("campaigns");
    }

    /** Why a person may not be enrolled although they fit: an address on the suppression list. */
    private String suppressed(RunContext run, ContactView contact) {
        if (contact.email() != null && safety.isSuppressed(run.tenant(), Channel.EMAIL, contact.email())) {
            return "The e-mail address is suppressed (unsubscribed, bounced or do-not-contact)";
        }
        if (contact.phone() != null && safety.isSuppressed(run.tenant(), Channel.SMS, contact.phone())) {
            return "The phone number is suppressed (opted out or do-not-contact)";
        }
        return null;
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
