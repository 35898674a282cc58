package ai.revo.missioncontrol.agents;

import ai.revo.missioncontrol.campaigns.CampaignManagement;
import ai.revo.missioncontrol.campaigns.CampaignView;
import ai.revo.missioncontrol.contacts.CompanyDirectory;
import ai.revo.missioncontrol.contacts.ContactManagement;
import ai.revo.missioncontrol.contacts.ContactView;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.safety.Channel;
import ai.revo.missioncontrol.safety.SafetyManagement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * What lead research would enrol, worked out the same way for the preview and for the run: for each ACTIVE campaign
 * the workspace's contacts that fit its ideal customer, are not yet its leads, are not DND or LOST anywhere and have
 * no suppressed address, up to the workspace's per-run limit across all campaigns.
 */
@Service
public class ResearchEnrolment {

    /** How many contacts of each campaign a run looks at, at most. */
    static final int SCAN_PER_CAMPAIGN = 500;

    static final int PREVIEW_FIRST = 5;

    private final CampaignManagement campaigns;
    private final ContactManagement contacts;
    private final CompanyDirectory companies;
    private final SafetyManagement safety;
    private final AgentSettings settings;

    ResearchEnrolment(
            CampaignManagement campaigns,
            ContactManagement contacts,
            CompanyDirectory companies,
            SafetyManagement safety,
            AgentSettings settings) {
        this.campaigns = campaigns;
        this.contacts = contacts;
        this.companies = companies;
        this.safety = safety;
        this.settings = settings;
    }

    /** One contact lead research would enrol. */
    public record PreviewContact(UUID contactId, String name, String email, List<String> matched) {}

    /** What one campaign would get: how many and the first of them. */
    public record CampaignPreview(UUID campaignId, String name, int count, List<PreviewContact> first) {}

    /**
     * What the next lead research run would enrol now: in total, per campaign with the first contacts, under the
     * workspace's limit; {@code needsConfirmation} when a person must confirm before it enrols; {@code limited}
     * when the limit left fitting contacts out.
     */
    public record Preview(
            int total, int limit, boolean limited, boolean needsConfirmation, List<CampaignPreview> campaigns) {}

    /** The preview: nothing is written. */
    public Preview preview(TenantId tenant) {
        Plan plan = plan(tenant, SCAN_PER_CAMPAIGN);
        Map<UUID, List<Candidate>> by = plan.byCampaign();
        List<CampaignPreview> out = new ArrayList<>();
        for (CampaignView c : plan.campaigns()) {
            List<Candidate> list = by.getOrDefault(c.id(), List.of());
            out.add(new CampaignPreview(
                    c.id(),
                    c.name(),
                    list.size(),
                    list.stream()
                            .limit(PREVIEW_FIRST)
                            .map(x -> new PreviewContact(
                                    x.contact().id(),
                                    LeadResearch.name(x.contact()),
                                    x.contact().email(),
                                    x.fit().matched()))
                            .toList()));
        }
        return new Preview(plan.enrol().size(), plan.limit(), plan.limited(), plan.needsConfirmation(), out);
    }

    record Candidate(CampaignView campaign, ContactView contact, Fit fit) {}

    record Skip(CampaignView campaign, ContactView contact, String reason) {}

    record Plan(
            List<CampaignView> campaigns,
            List<Candidate> enrol,
            List<Skip> skipped,
            int notMatching,
            int limit,
            boolean limited,
            boolean needsConfirmation) {

        Map<UUID, List<Candidate>> byCampaign() {
            Map<UUID, List<Candidate>> by = new LinkedHashMap<>();
            for (Candidate c : enrol) {
                by.computeIfAbsent(c.campaign().id(), k -> new ArrayList<>()).add(c);
            }
            return by;
        }
    }

    Plan plan(TenantId tenant, int scanPerCampaign) {
        AgentSettingsView s = settings.get(tenant);
        int limit = s.researchEnrolLimit();
        List<CampaignView> active = LeadResearch.Campaigns.active(campaigns, tenant);
        List<Candidate> enrol = new ArrayList<>();
        List<Skip> skipped = new ArrayList<>();
        int notMatching = 0;
        boolean limited = false;
        for (CampaignView campaign : active) {
            for (ContactView contact : contacts.notEnrolledIn(tenant, campaign.id(), scanPerCampaign)) {
                Fit fit = Fit.of(
                        campaign.criteria(),
                        new Fit.Person(
                                contact.jobTitle(),
                                contact.city(),
                                contact.country(),
                                companies.forEmail(tenant, contact.email()).orElse(null)));
                if (!fit.matchesAny()) {
                    notMatching++;
                    continue;
                }
                String suppressed = suppressed(tenant, contact);
                if (suppressed != null) {
                    skipped.add(new Skip(campaign, contact, suppressed));
                    continue;
                }
                if (enrol.size() >= limit) {
                    limited = true;
                    break;
                }
                enrol.add(new Candidate(campaign, contact, fit));
            }
        }
        return new Plan(active, enrol, skipped, notMatching, limit, limited, s.researchNeedsConfirmation());
    }

    /** Why a person may not be enrolled although they fit: an address on the suppression list. */
    private String suppressed(TenantId tenant, ContactView contact) {
        if (contact.email() != null && safety.isSuppressed(tenant, Channel.EMAIL, contact.email())) {
            return "The e-mail address is suppressed (unsubscribed, bounced or do-not-contact)";
        }
        if (contact.phone() != null && safety.isSuppressed(tenant, Channel.SMS, contact.phone())) {
            return "The phone number is suppressed (opted out or do-not-contact)";
        }
        return null;
    }
}
