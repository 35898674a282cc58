package ai.revo.missioncontrol.agents;

import ai.revo.missioncontrol.agents.checks.Catalogue;
import ai.revo.missioncontrol.agents.checks.QualityReview;
import ai.revo.missioncontrol.ai.Grounding;
import ai.revo.missioncontrol.ai.LlmContext;
import ai.revo.missioncontrol.ai.LlmGateway;
import ai.revo.missioncontrol.ai.LlmResult;
import ai.revo.missioncontrol.campaigns.CampaignManagement;
import ai.revo.missioncontrol.campaigns.CampaignStatus;
import ai.revo.missioncontrol.campaigns.CampaignView;
import ai.revo.missioncontrol.contacts.CompanyDirectory;
import ai.revo.missioncontrol.contacts.ContactManagement;
import ai.revo.missioncontrol.contacts.ContactView;
import ai.revo.missioncontrol.contacts.LeadManagement;
import ai.revo.missioncontrol.contacts.LeadStatus;
import ai.revo.missioncontrol.contacts.LeadView;
import ai.revo.missioncontrol.contacts.Score;
import ai.revo.missioncontrol.drafts.DraftContent;
import ai.revo.missioncontrol.drafts.DraftManagement;
import ai.revo.missioncontrol.drafts.DraftView;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorCode;
import ai.revo.missioncontrol.safety.Channel;
import ai.revo.missioncontrol.safety.SafetyManagement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * outreach_drafting_qa: for ENRICHED leads scored A or B (the override wins) without a draft, writes a personalised
 * first message on each of the campaign's channels the lead can be reached on, with the campaign's persona prompt,
 * puts it through the checks and the confidence gate, and submits it to the approval inbox (the lead moves to
 * DRAFTED, its task to NEEDS_APPROVAL). Pre-checks run first; a lead that fails one is skipped with the reason: a
 * person who is DND or LOST in any campaign, or whose address is suppressed, gets no draft.
 */
@Component
class OutreachDrafting extends ScheduledAgentJob {

    static final String PROMPT = "outreach_first_message";

    private final LeadManagement leads;
    private final ContactManagement contacts;
    private final CompanyDirectory companies;
    private final CampaignManagement campaigns;
    private final DraftManagement drafts;
    private final SafetyManagement safety;
    private final LlmGateway llm;
    private final Generation generation;
    private final DraftFiling filing;
    private final KnowledgeGrounding knowledge;

    OutreachDrafting(
            LeadManagement leads,
            ContactManagement contacts,
            CompanyDirectory companies,
            CampaignManagement campaigns,
            DraftManagement drafts,
            SafetyManagement safety,
            LlmGateway llm,
            Generation generation,
            DraftFiling filing,
            KnowledgeGrounding knowledge) {
        this.knowledge = knowledge;
        this.leads = leads;
        this.contacts = contacts;
        this.companies = companies;
        this.campaigns = campaigns;
        this.drafts = drafts;
        this.safety = safety;
        this.llm = llm;
        this.generation = generation;
        this.filing = filing;
    }

    @Override
    public String agentKey() {
        return "outreach_drafter";
    }

    /** Leads whose lookups are read together; bounds how stale a pre-check can be when the model is slow. */
    static final int CHUNK = 20;

    /** What the pre-checks and the prompt need about a chunk of leads, each kind read in one query. */
    private record Lookups(
            java.util.Set<UUID> withDrafts,
            Map<UUID, String> doNotContact,
            Map<UUID, ContactView> contacts,
            Map<Channel, java.util.Set<String>> suppressed,
            Map<String, ai.revo.missioncontrol.contacts.CompanyView> companies) {}

    /** What the run reads once: whether there is knowledge to search (only when a model writes) and the catalogue. */
    private record Known(boolean searchKnowledge, Catalogue catalogue) {}

    @Override
    public void perform(RunContext run) {
        int limit = run.intInput("limit", 1000);
        Map<UUID, CampaignView> campaignCache = new HashMap<>();
        Known known = new Known(
                !llm.mode().templateMode() && knowledge.hasKnowledge(run.tenant()), knowledge.catalogue(run.tenant()));
        java.util.List<LeadView> candidates = new java.util.ArrayList<>();
        for (LeadView lead : EnrichmentScoring.leadsIn(leads, run.tenant(), LeadStatus.ENRICHED, limit)) {
            if (lead.effectiveScore() != Score.A && lead.effectiveScore() != Score.B) {
                run.count("notAOrB");
            } else {
                candidates.add(lead);
            }
        }
        for (int from = 0; from < candidates.size(); from += CHUNK) {
            java.util.List<LeadView> chunk = candidates.subList(from, Math.min(candidates.size(), from + CHUNK));
            Lookups lookups = lookups(run, chunk);
            for (LeadView lead : chunk) {
                if (run.aborted()) {
                    return;
                }
                String label = EnrichmentScoring.label(lead);
                try {
                    CampaignView campaign =
                            campaignCache.computeIfAbsent(lead.campaignId(), id -> campaigns.get(run.tenant(), id));
                    draft(run, lead, campaign, label, lookups, known);
                } catch (ApiException e) {
                    if (e.code() == ErrorCode.CONFLICT) { // another run drafted this lead a moment ago
                        run.skipped("lead", lead.id(), label, "Already has an open draft: " + e.getMessage());
                    } else {
                        run.failed("lead", lead.id(), label, e);
                    }
                } catch (RuntimeException e) {
                    run.failed("lead", lead.id(), label, e);
                }
            }
        }
    }

    private Lookups lookups(RunContext run, java.util.List<LeadView> chunk) {
        var tenant = run.tenant();
        java.util.List<UUID> leadIds = chunk.stream().map(LeadView::id).toList();
        Map<UUID, ContactView> contactsById = new HashMap<>();
        contacts.getAll(
                        tenant,
                        chunk.stream().map(LeadView::contactId).distinct().toList())
                .forEach(c -> contactsById.put(c.id(), c));
        Map<Channel, java.util.Set<String>> suppressed = new java.util.EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            java.util.List<String> addresses = contactsById.values().stream()
                    .map(c -> address(c, channel))
                    .filter(java.util.Objects::nonNull)
                    .distinct()
                    .toList();
            if (!addresses.isEmpty()) {
                suppressed.put(channel, safety.suppressedAmong(tenant, channel, addresses));
            }
        }
        return new Lookups(
                drafts.leadsWithDrafts(tenant, leadIds),
                leads.doNotContactReasons(tenant, leadIds),
                contactsById,
                suppressed,
                companies.forEmails(
                        tenant,
                        contactsById.values().stream()
                                .map(ContactView::email)
                                .filter(java.util.Objects::nonNull)
                                .toList()));
    }

    private void draft(
            RunContext run, LeadView lead, CampaignView campaign, String label, Lookups lookups, Known known) {
        if (campaign.status() != CampaignStatus.ACTIVE) {
            run.skipped(
                    "lead",
                    lead.id(),
                    label,
                    "Pre-check: the campaign " + campaign.name() + " is " + campaign.status() + ", not ACTIVE");
            return;
        }
        if (lookups.withDrafts().contains(lead.id())) {
            run.skipped("lead", lead.id(), label, "Already has a draft");
            return;
        }
        String blocked = lookups.doNotContact().get(lead.id());
        if (blocked != null) {
            run.skipped("lead", lead.id(), label, "Pre-check: " + blocked);
            return;
        }
        ContactView contact = lookups.contacts().get(lead.contactId());
        if (contact == null) {
            throw ApiException.notFound("Contact", lead.contactId());
        }
        int written = 0;
        Grounding grounding = null;
        StringBuilder reasons = new StringBuilder();
        for (Channel channel : campaign.channels()) {
            String address = address(contact, channel);
            String refusal = address == null
                    ? "no " + channel + " address"
                    : lookups.suppressed()
                                    .getOrDefault(channel, java.util.Set.of())
                                    .contains(address)
                            ? channel + " address is suppressed"
                            : null;
            if (refusal != null) {
                reasons.append(reasons.length() == 0 ? "" : "; ").append(refusal);
                continue;
            }
            Map<String, Object> variables = variables(lead, contact, campaign, channel, lookups);
            if (grounding == null) { // one search per lead, whatever its channels
                @SuppressWarnings("unchecked")
                Map<String, Object> l = (Map<String, Object>) variables.get("lead");
                grounding = known.searchKnowledge()
                        ? knowledge.search(
                                run.tenant(),
                                campaign,
                                KnowledgeGrounding.leadQuestion(
                                        campaign,
                                        contact.company(),
                                        contact.jobTitle(),
                                        String.valueOf(l.get("industry"))))
                        : Grounding.none();
            }
            LlmResult result = llm.generate(
                    run.tenant(),
                    PROMPT,
                    variables,
                    new LlmContext(run.runId(), "lead", lead.id().toString()),
                    grounding);
            run.llm(result);
            String subject = channel == Channel.EMAIL ? result.field("subject") : null;
            String body = result.field("body");
            QualityReview.Verdict verdict = generation.review(
                    campaign,
                    channel,
                    subject,
                    body,
                    result.confidence(),
                    result.templateApprovedForAutomaticUse(),
                    false,
                    result.grounding(),
                    known.catalogue());
            DraftView draft = filing.file(
                    run.tenant(),
                    campaign.id(),
                    lead.id(),
                    channel,
                    new DraftContent(subject, body == null ? "" : body, null),
                    verdict,
                    verdict.asChecks("qa_reviewer", result.model(), result.promptKey(), result.promptVersion()),
                    KnowledgeGrounding.sources(result.grounding()),
                    "FIRST_MESSAGE",
                    run.agent());
            written++;
            run.count("draftsSubmitted");
            run.count(result.fromTemplate() ? "draftsByTemplate" : "draftsByModel");
            run.done(
                    "lead",
                    lead.id(),
                    label,
                    channel + " draft, " + verdict.summary()
                            + (draft.status().name().equals("APPROVED") ? ", auto-approved" : ""),
                    draft.id(),
                    verdict.flagged());
        }
        if (written == 0) {
            run.skipped(
                    "lead",
                    lead.id(),
                    label,
                    "Pre-check: " + (reasons.length() == 0 ? "the campaign has no channels" : reasons));
        }
    }

    private Map<String, Object> variables(
            LeadView lead, ContactView contact, CampaignView campaign, Channel channel, Lookups lookups) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("firstName", nz(contact.firstName()));
        l.put("lastName", nz(contact.lastName()));
        l.put("company", nz(contact.company()));
        l.put("jobTitle", nz(contact.jobTitle()));
        l.put("city", nz(contact.city()));
        l.put("country", nz(contact.country()));
        l.put(
                "industry",
                contact.email() == null || !lookups.companies().containsKey(contact.email())
                        ? ""
                        : nz(lookups.companies().get(contact.email()).industry()));
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("lead", l);
        variables.put("campaign", Generation.campaignVariables(campaign));
        variables.put("channel", channel.name());
        variables.put(
                "score",
                lead.effectiveScore() == null ? "" : lead.effectiveScore().name());
        variables.put("scoreReason", nz(lead.scoreReason()));
        variables.put("sender", Map.of("name", campaign.persona().agentName()));
        return variables;
    }

    static String address(ContactView contact, Channel channel) {
        return switch (channel) {
            case EMAIL -> contact.email();
            case SMS, WHATSAPP -> contact.phone();
            default -> null;
        };
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
