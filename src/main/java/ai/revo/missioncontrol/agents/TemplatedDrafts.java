package ai.revo.missioncontrol.agents;

import ai.revo.missioncontrol.agents.checks.Catalogue;
import ai.revo.missioncontrol.agents.checks.QualityReview;
import ai.revo.missioncontrol.ai.Grounding;
import ai.revo.missioncontrol.campaigns.CampaignManagement;
import ai.revo.missioncontrol.campaigns.CampaignView;
import ai.revo.missioncontrol.drafts.DraftContent;
import ai.revo.missioncontrol.drafts.DraftView;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.safety.Channel;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages a template wrote for a lead (no model), filed as generated drafts are: the shipped checks and the
 * confidence gate, then the approval inbox. The agent approves one itself only when every check passed, a person
 * approved its template for automatic use ({@code templateApproved}) and the workspace allows {@code action} in the
 * agent settings; otherwise it waits for a person.
 */
@Service
public class TemplatedDrafts {

    private final Generation generation;
    private final DraftFiling filing;
    private final CampaignManagement campaigns;

    TemplatedDrafts(Generation generation, DraftFiling filing, CampaignManagement campaigns) {
        this.generation = generation;
        this.filing = filing;
        this.campaigns = campaigns;
    }

    /** Files the message for the lead; returns the draft (NEEDS_APPROVAL, or APPROVED by the agent). */
    @Transactional
    public DraftView file(
            TenantId tenant,
            UUID campaignId,
            UUID leadId,
            Channel channel,
            DraftContent content,
            boolean templateApproved,
            String action,
            Actor agent) {
        CampaignView campaign = campaigns.get(tenant, campaignId);
        QualityReview.Verdict verdict = generation.review(
                campaign,
                channel,
                content.subject(),
                content.bodyText(),
                null,
                templateApproved,
                false,
                Grounding.none(),
                Catalogue.none());
        // a template, not a model, wrote it: no model, prompt or version to record
        java.util.Map<String, Object> checks =
                new java.util.LinkedHashMap<>(verdict.asChecks("template checks", null, null, null));
        checks.values().removeIf(java.util.Objects::isNull);
        return filing.file(tenant, campaignId, leadId, channel, content, verdict, checks, List.of(), action, agent);
    }
}
