package ai.revo.missioncontrol.agents;

import ai.revo.missioncontrol.campaigns.CampaignManagement;
import ai.revo.missioncontrol.campaigns.CampaignView;
import ai.revo.missioncontrol.contacts.CompanyDirectory;
import ai.revo.missioncontrol.contacts.CompanyView;
import ai.revo.missioncontrol.contacts.ContactDetails;
import ai.revo.missioncontrol.contacts.ContactManagement;
import ai.revo.missioncontrol.contacts.ContactView;
import ai.revo.missioncontrol.contacts.LeadChange;
import ai.revo.missioncontrol.contacts.LeadManagement;
import ai.revo.missioncontrol.contacts.LeadQuery;
import ai.revo.missioncontrol.contacts.LeadStatus;
import ai.revo.missioncontrol.contacts.LeadView;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.SortOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * enrichment_scoring: completes each NEW lead's contact from the workspace's company data (company, place, time
 * zone; the phone is normalised again), moves it to ENRICHED, and scores it A, B or C by its campaign's weighted
 * criteria with the reason spelled out. An admin's override still wins: it is kept, only the computed score changes.
 */
@Component
class EnrichmentScoring extends ScheduledAgentJob {

    private final LeadManagement leads;
    private final CampaignManagement campaigns;
    private final Step step;

    EnrichmentScoring(LeadManagement leads, CampaignManagement campaigns, Step step) {
        this.leads = leads;
        this.campaigns = campaigns;
        this.step = step;
    }

    @Override
    public String agentKey() {
        return "enrichment_scorer";
    }

    @Override
    public void perform(RunContext run) {
        int limit = run.intInput("limit", 1000);
        Map<UUID, CampaignView> campaignCache = new HashMap<>();
        for (LeadView lead : leadsIn(leads, run.tenant(), LeadStatus.NEW, limit)) {
            if (run.aborted()) {
                return;
            }
            String label = label(lead);
            try {
                CampaignView campaign =
                        campaignCache.computeIfAbsent(lead.campaignId(), id -> campaigns.get(run.tenant(), id));
                Step.Result result = step.enrichAndScore(run.tenant(), lead.id(), campaign, run.agent());
                run.count("leadsEnriched");
                run.count("score" + result.score());
                run.done("lead", lead.id(), label, result.summary(), null, false);
            } catch (RuntimeException e) {
                run.failed("lead", lead.id(), label, e);
            }
        }
    }

    /** Every lead with the status (up to {@code limit}), oldest first, read before any of them changes. */
    static List<LeadView> leadsIn(LeadManagement leads, TenantId tenant, LeadStatus status, int limit) {
        List<LeadView> all = new ArrayList<>();
        SortOrder sort = SortOrder.of("createdAt", "asc", LeadManagement.SORTABLE, "createdAt", true);
        for (int page = 1; all.size() < limit; page++) {
            List<LeadView> data = leads.list(
                            tenant, new LeadQuery(status, null, null, null, null), new PageQuery(page, 100), sort)
                    .data();
            all.addAll(data);
            if (data.size() < 100) {
                break;
            }
        }
        return all.size() > limit ? all.subList(0, limit) : all;
    }

    static String label(LeadView lead) {
        var c = lead.contact();
        String name = ((c.firstName() == null ? "" : c.firstName()) + " " + (c.lastName() == null ? "" : c.lastName()))
                .trim();
        return name.isEmpty()
                ? (c.email() == null ? lead.id().toString() : c.email())
                : name + (c.company() == null ? "" : " (" + c.company() + ")");
    }

    /** One lead's enrichment and score, in one transaction. */
    @Service
    static class Step {

        record Result(String score, String summary) {}

        private final LeadManagement leads;
        private final ContactManagement contacts;
        private final CompanyDirectory companies;

        Step(LeadManagement leads, ContactManagement contacts, CompanyDirectory companies) {
            this.leads = leads;
            this.contacts = contacts;
            this.companies = companies;
        }

        @Transactional
        public Result enrichAndScore(TenantId tenant, UUID leadId, CampaignView campaign, Actor agent) {
            LeadView lead = leads.get(tenant, leadId);
            ContactView contact = contacts.get(tenant, lead.contactId());
            CompanyView company = companies.forEmail(tenant, contact.email()).orElse(null);
            List<String> learned = new ArrayList<>();
            String companyName = contact.company() == null && company != null ? company.name() : null;
            String city = contact.city() == null && company != null ? company.city() : null;
            String country = contact.country() == null && company != null ? company.country() : null;
            String zone = null;
            if (contact.timezone() == null) {
                zone = TimeZones.guess(
                        city != null ? city : contact.city(), country != null ? country : contact.country());
                if (zone == null && company != null) {
                    zone = company.timezone();
                }
            }
            if (companyName != null) {
                learned.add("company " + companyName);
            }
            if (city != null || country != null) {
                learned.add("location "
                        + String.join(
                                ", ",
                                java.util.stream.Stream.of(city, country)
                                        .filter(java.util.Objects::nonNull)
                                        .toList()));
            }
            if (zone != null) {
                learned.add("time zone " + zone);
            }
            ContactView enriched = contacts.change(
                    tenant,
                    contact.id(),
                    new ContactDetails(
                            null,
                            null,
                            null,
                            contact.phone(),
                            companyName,
                            null,
                            city,
                            country,
                            zone,
                            null,
                            null,
                            null),
                    agent);
            Fit fit = Fit.of(
                    campaign.criteria(),
                    new Fit.Person(enriched.jobTitle(), enriched.city(), enriched.country(), company));
            leads.change(
                    tenant,
                    leadId,
                    new LeadChange(LeadStatus.ENRICHED, fit.score(), fit.reason(), null, null, null, null, null),
                    agent);
            String summary = (learned.isEmpty() ? "Nothing new to add" : "Added " + String.join("; ", learned))
                    + (company == null ? " (no company data for this domain)" : "") + ". " + fit.reason()
                    + (lead.scoreOverride() != null
                            ? ". The admin's override " + lead.scoreOverride() + " still applies"
                            : "");
            return new Result(fit.score().name(), summary);
        }
    }
}
