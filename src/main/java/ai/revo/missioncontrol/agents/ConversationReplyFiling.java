package ai.revo.missioncontrol.agents;

import ai.revo.missioncontrol.agents.checks.QualityReview;
import ai.revo.missioncontrol.conversations.AiReplyStatus;
import ai.revo.missioncontrol.conversations.AiReplyView;
import ai.revo.missioncontrol.conversations.ConversationReplies;
import ai.revo.missioncontrol.drafts.Decision;
import ai.revo.missioncontrol.drafts.DraftContent;
import ai.revo.missioncontrol.drafts.DraftManagement;
import ai.revo.missioncontrol.drafts.DraftSource;
import ai.revo.missioncontrol.drafts.DraftStatus;
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
 * Files the AI's reply to a person's message in one transaction: an older reply of the conversation still waiting
 * for approval is discarded (its draft rejected: it answers a message that is no longer the last), the new one is
 * written as a draft of the lead on the conversation's channel (WHATSAPP or SMS) with its checks, confidence and
 * sources, submitted to the approval inbox, recorded as the message's reply, and approved by the agent at once only
 * when the campaign's auto-reply for that channel is on and the draft passed every check and the confidence gate.
 */
@Service
class ConversationReplyFiling {

    /** The key under which a draft's checks name the conversation and the message it answers. */
    static final String CONVERSATION = "conversation";

    private final DraftManagement drafts;
    private final ConversationReplies replies;
    private final ai.revo.missioncontrol.conversations.ConversationFollowUps followUps;

    ConversationReplyFiling(
            DraftManagement drafts,
            ConversationReplies replies,
            ai.revo.missioncontrol.conversations.ConversationFollowUps followUps) {
        this.drafts = drafts;
        this.replies = replies;
        this.followUps = followUps;
    }

    /**
     * Files a snoozed person's follow-up the same way: a draft on the conversation's channel submitted to the approval inbox (an older AI
     * reply still waiting is discarded first), recorded on the follow-up, approved at once only with auto-reply on
     * and the gate passed.
     */
    @Transactional
    public DraftView fileFollowUp(
            TenantId tenant,
            UUID campaignId,
            UUID leadId,
            UUID conversationId,
            UUID followUpId,
            Channel channel,
            String body,
            QualityReview.Verdict verdict,
            Map<String, Object> checks,
            boolean autoReply,
            Actor agent) {
        discardOlder(tenant, conversationId, null, agent);
        DraftView written = drafts.write(
                tenant,
                campaignId,
                leadId,
                channel,
                new DraftContent(null, body, null),
                verdict.flagged() ? Priority.HIGH : Priority.NORMAL,
                checks,
                List.of(),
                verdict.confidence() == null ? null : BigDecimal.valueOf(verdict.confidence()),
                agent);
        DraftView submitted = drafts.submit(tenant, written.id(), written.etag(), agent);
        followUps.settle(
                tenant,
                followUpId,
                ai.revo.missioncontrol.conversations.FollowUpStatus.AWAITING_APPROVAL,
                submitted.id(),
                "Follow-up written: " + verdict.summary());
        if (autoReply && verdict.gatePassed()) {
            return drafts.decide(tenant, submitted.id(), Decision.APPROVE, null, null, submitted.etag(), agent);
        }
        return submitted;
    }

    private void discardOlder(TenantId tenant, UUID conversationId, UUID messageId, Actor agent) {
        for (AiReplyView older : replies.awaiting(tenant, conversationId)) {
            if (older.messageId().equals(messageId) || older.draftId() == null) {
                continue;
            }
            String why = "Discarded: the person wrote again, so the AI wrote a new reply";
            replies.settleDraft(tenant, older.draftId(), AiReplyStatus.DISCARDED, null, why);
            DraftView stale = drafts.get(tenant, older.draftId());
            if (stale.status() == DraftStatus.NEEDS_APPROVAL) {
                drafts.decide(tenant, stale.id(), Decision.REJECT, why, null, stale.etag(), agent);
            }
        }
    }

    @Transactional
    public DraftView file(
            TenantId tenant,
            UUID campaignId,
            UUID leadId,
            UUID conversationId,
            UUID messageId,
            Channel channel,
            String body,
            QualityReview.Verdict verdict,
            Map<String, Object> checks,
            List<DraftSource> sources,
            boolean autoReply,
            Actor agent) {
        discardOlder(tenant, conversationId, messageId, agent);
        DraftView written = drafts.write(
                tenant,
                campaignId,
                leadId,
                channel,
                new DraftContent(null, body, null),
                verdict.flagged() ? Priority.HIGH : Priority.NORMAL,
                checks,
                sources,
                verdict.confidence() == null ? null : BigDecimal.valueOf(verdict.confidence()),
                agent);
        DraftView submitted = drafts.submit(tenant, written.id(), written.etag(), agent);
        replies.record(
                tenant,
                conversationId,
                messageId,
                AiReplyStatus.AWAITING_APPROVAL,
                submitted.id(),
                (!autoReply
                                ? "Waits in the approval inbox (auto-reply is off): "
                                : verdict.gatePassed()
                                        ? "Approved by the AI (auto-reply is on): "
                                        : "Waits in the approval inbox (auto-reply is on, but it did not pass the gate): ")
                        + verdict.summary());
        if (autoReply && verdict.gatePassed()) {
            return drafts.decide(tenant, submitted.id(), Decision.APPROVE, null, null, submitted.etag(), agent);
        }
        return submitted;
    }
}
