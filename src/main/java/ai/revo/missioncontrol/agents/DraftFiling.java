package ai.revo.missioncontrol.agents;

import ai.revo.missioncontrol.agents.checks.QualityReview;
import ai.revo.missioncontrol.drafts.Decision;
import ai.revo.missioncontrol.drafts.DraftContent;
import ai.revo.missioncontrol.drafts.DraftManagement;
import ai.revo.missioncontrol.drafts.DraftSource;
import ai.revo.missioncontrol.drafts.DraftView;
import ai.revo.missioncontrol.drafts.Priority;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.safety.Channel;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files a generated draft in one transaction: written with its checks and confidence, submitted to the approval
 * inbox, and approved by the agent only when an admin allowed that action type and the gate passed it: every check
 * passed and either a model's confidence reached the threshold or a person approved the template for automatic use.
 */
@Service
class DraftFiling {

    private final DraftManagement drafts;
    private final AgentSettings settings;

    DraftFiling(DraftManagement drafts, AgentSettings settings) {
        this.drafts = drafts;
        this.settings = settings;
    }

    @Transactional
    public DraftView file(
            TenantId tenant,
            UUID campaignId,
            UUID leadId,
            Channel channel,
            DraftContent content,
            QualityReview.Verdict verdict,
            Map<String, Object> checks,
            List<DraftSource> sources,
            String action,
            Actor agent) {
        Priority priority = verdict.flagged() ? Priority.HIGH : Priority.NORMAL;
        DraftView written = drafts.write(
                tenant,
                campaignId,
                leadId,
                channel,
                content,
                priority,
                checks,
                sources,
                verdict.confidence() == null ? null : BigDecimal.valueOf(verdict.confidence()),
                agent);
        DraftView submitted = drafts.submit(tenant, written.id(), written.etag(), agent);
        if (verdict.gatePassed() && settings.get(tenant).autoApprove().contains(action)) {
            return drafts.decide(tenant, submitted.id(), Decision.APPROVE, null, null, submitted.etag(), agent);
        }
        return submitted;
    }
}
