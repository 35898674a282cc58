package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.campaigns.CampaignManagement;
import ai.revo.missioncontrol.contacts.LeadManagement;
import ai.revo.missioncontrol.contacts.LeadQuery;
import ai.revo.missioncontrol.contacts.LeadView;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.SortOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The composer's prospect search: people with an email address whose name, email or company matches, each once,
 * with the campaigns they are a lead in (a composer email is written to one of those leads).
 */
@Service
public class ComposerProspects {

    /** How many leads one search looks at before grouping them by person. */
    static final int SCAN = 200;

    private final LeadManagement leads;
    private final CampaignManagement campaigns;

    ComposerProspects(LeadManagement leads, CampaignManagement campaigns) {
        this.leads = leads;
        this.campaigns = campaigns;
    }

    /** A person to write to, with each campaign they are in, most recently active first. */
    public record Prospect(UUID contactId, String name, String email, String company, List<Enrolment> leads) {

        /** What the picker shows once chosen. */
        public String label() {
            String who = name == null || name.isBlank() ? email : name + " <" + email + ">";
            return company == null || company.isBlank() ? who : who + " · " + company;
        }
    }

    /** One of the person's leads: the campaign it is in and where it stands. */
    public record Enrolment(UUID leadId, UUID campaignId, String campaignName, String status) {}

    /**
     * Up to {@code limit} people (1 to 50) matching {@code q} (blank: the most recently active), each once however
     * many campaigns they are in. People without an email address are left out: the composer writes emails.
     */
    @Transactional(readOnly = true)
    public List<Prospect> search(TenantId tenant, String q, int limit) {
        int max = Math.max(1, Math.min(limit, 50));
        String query = q == null || q.isBlank() ? null : q.trim();
        if (query != null && query.length() > 200) {
            throw ApiException.invalidField("q", "must be at most 200 characters");
        }
        List<LeadView> found = leads.list(
                        tenant,
                        new LeadQuery(null, null, null, null, query),
                        new PageQuery(1, SCAN),
                        SortOrder.of(null, null, LeadManagement.SORTABLE, "updatedAt", false))
                .data();
        Map<UUID, List<LeadView>> byPerson = new LinkedHashMap<>();
        for (LeadView lead : found) {
            if (lead.contact() == null
                    || lead.contact().email() == null
                    || lead.contact().email().isBlank()) {
                continue;
            }
            if (byPerson.size() >= max && !byPerson.containsKey(lead.contactId())) {
                continue;
            }
            byPerson.computeIfAbsent(lead.contactId(), id -> new ArrayList<>()).add(lead);
        }
        Map<UUID, String> names = new HashMap<>();
        List<Prospect> prospects = new ArrayList<>();
        byPerson.forEach((contactId, theirs) -> prospects.add(prospect(tenant, theirs, names)));
        return prospects;
    }

    /** The person behind a lead, as the picker shows them; empty for an unknown lead. */
    @Transactional(readOnly = true)
    public Optional<Prospect> ofLead(TenantId tenant, UUID leadId) {
        if (leadId == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(prospect(tenant, List.of(leads.get(tenant, leadId)), new HashMap<>()));
        } catch (ApiException e) {
            return Optional.empty();
        }
    }

    private Prospect prospect(TenantId tenant, List<LeadView> theirs, Map<UUID, String> names) {
        LeadView first = theirs.get(0);
        var c = first.contact();
        String name = ((c.firstName() == null ? "" : c.firstName()) + " " + (c.lastName() == null ? "" : c.lastName()))
                .strip();
        List<Enrolment> enrolments = theirs.stream()
                .map(l -> new Enrolment(
                        l.id(),
                        l.campaignId(),
                        names.computeIfAbsent(l.campaignId(), id -> campaignName(tenant, id)),
                        l.status().name()))
                .toList();
        return new Prospect(first.contactId(), name.isEmpty() ? null : name, c.email(), c.company(), enrolments);
    }

    private String campaignName(TenantId tenant, UUID campaignId) {
        try {
            return campaigns.get(tenant, campaignId).name();
        } catch (ApiException e) {
            return null;
        }
    }
}
