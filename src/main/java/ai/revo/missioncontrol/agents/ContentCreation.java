package ai.revo.missioncontrol.agents;

import ai.revo.missioncontrol.agents.checks.Catalogue;
import ai.revo.missioncontrol.agents.checks.QualityReview;
import ai.revo.missioncontrol.ai.Grounding;
import ai.revo.missioncontrol.ai.LlmContext;
import ai.revo.missioncontrol.ai.LlmGateway;
import ai.revo.missioncontrol.ai.LlmResult;
import ai.revo.missioncontrol.campaigns.CampaignManagement;
import ai.revo.missioncontrol.campaigns.CampaignView;
import ai.revo.missioncontrol.drafts.DraftContent;
import ai.revo.missioncontrol.drafts.DraftManagement;
import ai.revo.missioncontrol.drafts.DraftStatus;
import ai.revo.missioncontrol.drafts.DraftView;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.safety.Channel;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * content_research_creation_qa: for ACTIVE campaigns on FACEBOOK, INSTAGRAM or LINKEDIN, writes a post about the
 * campaign's offer per such channel, checks it and submits it for approval. A channel that already has a post
 * waiting (in DRAFT or in the inbox) gets no second one.
 */
@Component
class ContentCreation extends ScheduledAgentJob {

    static final String PROMPT = "social_post";
    static final Set<Channel> SOCIAL = EnumSet.of(Channel.FACEBOOK, Channel.INSTAGRAM, Channel.LINKEDIN);

    private final CampaignManagement campaigns;
    private final DraftManagement drafts;
    private final LlmGateway llm;
    private final Generation generation;
    private final DraftFiling filing;
    private final KnowledgeGrounding knowledge;

    ContentCreation(
            CampaignManagement campaigns,
            DraftManagement drafts,
            LlmGateway llm,
            Generation generation,
            DraftFiling filing,
            KnowledgeGrounding knowledge) {
        this.knowledge = knowledge;
        this.campaigns = campaigns;
        this.drafts = drafts;
        this.llm = llm;
        this.generation = generation;
        this.filing = filing;
    }

    @Override
    public String agentKey() {
        return "content_creator";
    }

    @Override
    public void perform(RunContext run) {
        boolean searchKnowledge = !llm.mode().templateMode() && knowledge.hasKnowledge(run.tenant());
        Catalogue catalogue = knowledge.catalogue(run.tenant());
        for (CampaignView campaign : LeadResearch.Campaigns.active(campaigns, run.tenant())) {
            Grounding grounding = null;
            for (Channel channel : campaign.channels()) {
                if (!SOCIAL.contains(channel)) {
                    continue;
                }
                if (run.aborted()) {
                    return;
                }
                String label = channel + " post for " + campaign.name();
                try {
                    if (grounding == null) { // one search per campaign, whatever its channels
                        grounding = searchKnowledge
                                ? knowledge.search(
                                        run.tenant(), campaign, KnowledgeGrounding.campaignQuestion(campaign))
                                : Grounding.none();
                    }
                    post(run, campaign, channel, label, grounding, catalogue);
                } catch (RuntimeException e) {
                    run.failed("campaign", campaign.id(), label, e);
                }
            }
        }
    }

    private void post(
            RunContext run,
            CampaignView campaign,
            Channel channel,
            String label,
            Grounding grounding,
            Catalogue catalogue) {
        if (waiting(run, campaign, channel)) {
            run.skipped("campaign", campaign.id(), label, "A " + channel + " post is already waiting for approval");
            return;
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("campaign", Generation.campaignVariables(campaign));
        variables.put("channel", channel.name());
        LlmResult result = llm.generate(
                run.tenant(),
                PROMPT,
                variables,
                new LlmContext(run.runId(), "campaign", campaign.id().toString()),
                grounding);
        run.llm(result);
        String body = result.field("body");
        QualityReview.Verdict verdict = generation.review(
                campaign,
                channel,
                null,
                body,
                result.confidence(),
                result.templateApprovedForAutomaticUse(),
                true,
                result.grounding(),
                catalogue);
        DraftView draft = filing.file(
                run.tenant(),
                campaign.id(),
                null,
                channel,
                new DraftContent(null, body == null ? "" : body, null),
                verdict,
                verdict.asChecks("qa_reviewer", result.model(), result.promptKey(), result.promptVersion()),
                KnowledgeGrounding.sources(result.grounding()),
                "SOCIAL_POST",
                run.agent());
        run.count("postsSubmitted");
        run.done(
                "campaign",
                campaign.id(),
                label,
                "Post drafted, " + verdict.summary()
                        + (draft.status().name().equals("APPROVED") ? ", auto-approved" : ""),
                draft.id(),
                verdict.flagged());
    }

    private boolean waiting(RunContext run, CampaignView campaign, Channel channel) {
        for (DraftStatus status : new DraftStatus[] {DraftStatus.DRAFT, DraftStatus.NEEDS_APPROVAL}) {
            for (DraftView d : drafts.list(run.tenant(), status, campaign.id(), null, new PageQuery(1, 100))
                    .data()) {
                if (d.leadId() == null && d.channel() == channel) {
                    return true;
                }
            }
        }
        return false;
    }
}
