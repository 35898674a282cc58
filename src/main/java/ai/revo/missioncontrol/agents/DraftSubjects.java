package ai.revo.missioncontrol.agents;

import ai.revo.missioncontrol.ai.AiSubject;
import ai.revo.missioncontrol.ai.AiSubjects;
import ai.revo.missioncontrol.campaigns.CampaignManagement;
import ai.revo.missioncontrol.contacts.ContactManagement;
import ai.revo.missioncontrol.contacts.ContactView;
import ai.revo.missioncontrol.contacts.LeadManagement;
import ai.revo.missioncontrol.contacts.LeadView;
import ai.revo.missioncontrol.drafts.DraftManagement;
import ai.revo.missioncontrol.drafts.DraftView;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Gives the AI helpers a draft's text, or a lead, with the merge variables of the person and the campaign.
 * Not transactional itself: a draft or lead of another workspace is an ordinary empty answer, not a rolled-back
 * transaction.
 */
@Service
class DraftSubjects implements AiSubjects {

    private final DraftManagement drafts;
    private final LeadManagement leads;
    private final ContactManagement contacts;
    private final CampaignManagement campaigns;

    DraftSubjects(
            DraftManagement drafts, LeadManagement leads, ContactManagement contacts, CampaignManagement campaigns) {
        this.drafts = drafts;
        this.leads = leads;
        this.contacts = contacts;
        this.campaigns = campaigns;
    }

    @Override
    public Optional<AiSubject> draft(TenantId tenant, UUID draftId) {
        DraftView draft;
        try {
            draft = drafts.get(tenant, draftId);
        } catch (ApiException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("campaign", Generation.campaignVariables(campaigns.get(tenant, draft.campaignId())));
        variables.put("channel", draft.channel().name());
        if (draft.leadId() != null) {
            variables.put(
                    "lead",
                    person(contacts.get(
                            tenant, leads.get(tenant, draft.leadId()).contactId())));
        }
        return Optional.of(new AiSubject(draft.bodyText(), draft.subject(), variables, draft.campaignId()));
    }

    @Override
    public Optional<AiSubject> lead(TenantId tenant, UUID leadId) {
        LeadView lead;
        try {
            lead = leads.get(tenant, leadId);
        } catch (ApiException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("lead", person(contacts.get(tenant, lead.contactId())));
        variables.put("campaign", Generation.campaignVariables(campaigns.get(tenant, lead.campaignId())));
        return Optional.of(new AiSubject(null, null, variables, lead.campaignId()));
    }

    private static Map<String, Object> person(ContactView c) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("firstName", c.firstName() == null ? "" : c.firstName());
        p.put("lastName", c.lastName() == null ? "" : c.lastName());
        p.put("company", c.company() == null ? "" : c.company());
        p.put("jobTitle", c.jobTitle() == null ? "" : c.jobTitle());
        p.put("city", c.city() == null ? "" : c.city());
        p.put("country", c.country() == null ? "" : c.country());
        return p;
    }
}
