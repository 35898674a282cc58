package ai.revo.missioncontrol.agents;

import ai.revo.missioncontrol.agents.checks.Catalogue;
import ai.revo.missioncontrol.agents.checks.QualityReview;
import ai.revo.missioncontrol.ai.Grounding;
import ai.revo.missioncontrol.ai.LlmContext;
import ai.revo.missioncontrol.ai.LlmException;
import ai.revo.missioncontrol.ai.LlmGateway;
import ai.revo.missioncontrol.ai.LlmResult;
import ai.revo.missioncontrol.campaigns.CampaignManagement;
import ai.revo.missioncontrol.campaigns.CampaignView;
import ai.revo.missioncontrol.contacts.LeadManagement;
import ai.revo.missioncontrol.contacts.LeadStatus;
import ai.revo.missioncontrol.contacts.LeadView;
import ai.revo.missioncontrol.conversations.AiReplyStatus;
import ai.revo.missioncontrol.conversations.AiReplyView;
import ai.revo.missioncontrol.conversations.ChannelConversations;
import ai.revo.missioncontrol.conversations.ConversationFollowUps;
import ai.revo.missioncontrol.conversations.ConversationReplies;
import ai.revo.missioncontrol.conversations.ConversationSettings;
import ai.revo.missioncontrol.conversations.ConversationStatus;
import ai.revo.missioncontrol.conversations.FollowUpStatus;
import ai.revo.missioncontrol.conversations.FollowUpView;
import ai.revo.missioncontrol.conversations.ReplyContext;
import ai.revo.missioncontrol.drafts.ApprovalDecided;
import ai.revo.missioncontrol.drafts.Decision;
import ai.revo.missioncontrol.drafts.DraftManagement;
import ai.revo.missioncontrol.drafts.DraftView;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.knowledge.ProductCatalogue;
import ai.revo.missioncontrol.knowledge.ProductMatch;
import ai.revo.missioncontrol.knowledge.ProductView;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.safety.Channel;
import ai.revo.missioncontrol.safety.SafetyManagement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The AI's reply to a person's WhatsApp or SMS text message, run as durable work outside any transaction: it reads the
 * conversation's last 20 messages, the campaign's system prompt and persona, the passages of knowledge and the
 * products found for the message by meaning, asks the model (never a template: without a model configured it says
 * so and writes nothing), puts the answer through the deterministic checks and the confidence gate, and files it as
 * a draft in the approval inbox (sent at once when the campaign's auto-reply for the channel is on and it passed). A
 * reply whose message is no longer the person's last is discarded, before writing, before filing and again before
 * sending. An approved reply goes out in the conversation's thread, through the outbound gateway, on the
 * conversation's channel. SMS differs: its own prompt (plain text, at most {@link #SMS_MAX_LENGTH} characters), the
 * markdown a model may still write taken out, its own auto-reply switch, and no answer to the carrier keywords HELP
 * and INFO (STOP and START never reach a conversation; a number that texted STOP is suppressed and gets nothing).
 */
@Component
class ConversationResponder {

    private static final Logger log = LoggerFactory.getLogger(ConversationResponder.class);

    static final String PROMPT = "conversation_reply";

    static final String FOLLOW_UP_PROMPT = "conversation_reengagement";

    /** The prompt of a reply in an SMS conversation: plain text, short. */
    static final String SMS_PROMPT = "conversation_reply_sms";

    /** The length an SMS reply is asked to keep to (two segments); the length_limit check fails one above 480. */
    static final int SMS_MAX_LENGTH = 320;

    /** Carrier keywords filed into the conversation that the AI leaves alone (Twilio answers HELP itself). */
    static final java.util.Set<String> SMS_KEYWORDS = java.util.Set.of("HELP", "INFO");

    /** Products found by meaning handed to the model with one message. */
    static final int PRODUCTS = 5;

    static final String NO_MODEL = "No reply written: no language model is configured (MC_LLM_BASE_URL is empty),"
            + " and the AI does not answer people with a canned template. Answer the person yourself.";

    private final ChannelConversations conversations;
    private final ConversationReplies replies;
    private final ConversationSettings settings;
    private final CampaignManagement campaigns;
    private final LeadManagement leads;
    private final SafetyManagement safety;
    private final DraftManagement drafts;
    private final LlmGateway llm;
    private final Generation generation;
    private final KnowledgeGrounding knowledge;
    private final ProductCatalogue products;
    private final ConversationReplyFiling filing;
    private final ConversationFollowUps followUps;

    ConversationResponder(
            ChannelConversations conversations,
            ConversationReplies replies,
            ConversationSettings settings,
            CampaignManagement campaigns,
            LeadManagement leads,
            SafetyManagement safety,
            DraftManagement drafts,
            LlmGateway llm,
            Generation generation,
            KnowledgeGrounding knowledge,
            ProductCatalogue products,
            ConversationReplyFiling filing,
            ConversationFollowUps followUps) {
        this.followUps = followUps;
        this.conversations = conversations;
        this.replies = replies;
        this.settings = settings;
        this.campaigns = campaigns;
        this.leads = leads;
        this.safety = safety;
        this.drafts = drafts;
        this.llm = llm;
        this.generation = generation;
        this.knowledge = knowledge;
        this.products = products;
        this.filing = filing;
    }

    /** Answers the person's message {@code messageId} of the conversation, or records why not. */
    void respond(TenantId tenant, UUID conversationId, UUID messageId) {
        ReplyContext context = conversations.replyContext(tenant, conversationId);
        Optional<ReplyContext.Line> line = context.line(messageId);
        Channel channel = context.channel();
        if ((channel != Channel.WHATSAPP && channel != Channel.SMS)
                || line.isEmpty()
                || !line.get().fromPerson()
                || !"text".equals(line.get().type())) {
            return; // buttons, lists and orders have their own handlers; only text gets a written reply
        }
        if (replies.ofMessage(tenant, messageId).isPresent()) {
            return; // answered (or settled) by an earlier run of this work: a rerun writes nothing twice
        }
        Optional<FollowUpView> snoozed = followUps.scheduledBy(tenant, messageId);
        if (snoozed.isPresent()) {
            record(
                    tenant,
                    context,
                    messageId,
                    AiReplyStatus.NOT_WRITTEN,
                    "No reply now: the person asked to be contacted later; a follow-up is due "
                            + snoozed.get().dueAt().toString().substring(0, 10));
            return;
        }
        String message = line.get().text();
        if (channel == Channel.SMS
                && message != null
                && SMS_KEYWORDS.contains(message.strip().toUpperCase(java.util.Locale.ROOT))) {
            record(
                    tenant,
                    context,
                    messageId,
                    AiReplyStatus.NOT_WRITTEN,
                    "No reply written: " + message.strip().toUpperCase(java.util.Locale.ROOT)
                            + " is a carrier keyword asking for help; the AI does not answer it (Twilio's own HELP"
                            + " answer applies when it is set up). Answer the person yourself.");
            return;
        }
        if (!messageId.equals(context.latestInboundId())) {
            record(
                    tenant,
                    context,
                    messageId,
                    AiReplyStatus.DISCARDED,
                    "Not answered on its own: the person wrote again before the AI answered");
            return;
        }
        String refusal = refusal(tenant, context);
        if (refusal != null) {
            record(tenant, context, messageId, AiReplyStatus.NOT_WRITTEN, refusal);
            return;
        }
        if (llm.mode().templateMode()) {
            record(tenant, context, messageId, AiReplyStatus.NOT_WRITTEN, NO_MODEL);
            return;
        }
        CampaignView campaign = campaigns.get(tenant, context.campaignId());
        Grounding grounding =
                knowledge.hasKnowledge(tenant) ? knowledge.search(tenant, campaign, message) : Grounding.none();
        Catalogue catalogue = knowledge.catalogue(tenant);
        List<ProductView> found = catalogue.isEmpty() ? List.of() : productsFor(tenant, message);
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("campaign", Generation.campaignVariables(campaign));
        variables.put("channel", channel.name());
        if (channel == Channel.SMS) {
            variables.put("maxLength", String.valueOf(SMS_MAX_LENGTH));
        }
        variables.put("history", history(context, messageId));
        variables.put("products", describe(found));
        variables.put("message", message);
        LlmResult result;
        try {
            result = llm.generate(
                    tenant,
                    channel == Channel.SMS ? SMS_PROMPT : PROMPT,
                    variables,
                    new LlmContext(null, "conversation", conversationId.toString()),
                    grounding);
        } catch (LlmException e) {
            log.warn("The AI reply to message {} could not be written: {}", messageId, e.getMessage());
            record(
                    tenant,
                    context,
                    messageId,
                    AiReplyStatus.FAILED,
                    "No reply written: the model call failed (" + e.kind() + ": " + e.getMessage() + ")");
            return;
        }
        String body = result.field("body");
        if (body == null || body.isBlank()) {
            record(tenant, context, messageId, AiReplyStatus.FAILED, "No reply written: the model answered nothing");
            return;
        }
        body = channel == Channel.SMS ? plainText(body) : body.strip();
        QualityReview.Verdict verdict = generation.review(
                campaign, channel, null, body, result.confidence(), false, false, result.grounding(), catalogue);
        ReplyContext now = conversations.replyContext(tenant, conversationId);
        if (!messageId.equals(now.latestInboundId())) {
            record(
                    tenant,
                    now,
                    messageId,
                    AiReplyStatus.DISCARDED,
                    "Discarded: the person wrote again while the AI was writing this reply");
            return;
        }
        if (now.status() == ConversationStatus.HUMAN) {
            record(
                    tenant,
                    now,
                    messageId,
                    AiReplyStatus.DISCARDED,
                    "Discarded: a person took the conversation over while the AI was writing");
            return;
        }
        Map<String, Object> checks =
                verdict.asChecks("qa_reviewer", result.model(), result.promptKey(), result.promptVersion());
        checks.put(
                ConversationReplyFiling.CONVERSATION,
                Map.of("id", conversationId.toString(), "messageId", messageId.toString()));
        try {
            filing.file(
                    tenant,
                    campaign.id(),
                    context.leadId(),
                    conversationId,
                    messageId,
                    channel,
                    body,
                    verdict,
                    checks,
                    KnowledgeGrounding.sources(result.grounding()),
                    settings.get(tenant, campaign.id()).autoReply(channel),
                    agent(campaign));
        } catch (ApiException e) {
            record(tenant, now, messageId, AiReplyStatus.FAILED, "No reply filed: " + e.getMessage());
        }
    }

    /**
     * A snoozed person's follow-up is due: written by the model from the conversation and the campaign's persona,
     * checked, and filed under the approval rules (the campaign's auto-reply); not written (and said so) when the
     * person wrote again, a person took over, they must not be contacted, or no model is configured.
     */
    void followUp(TenantId tenant, UUID followUpId) {
        FollowUpView due = followUps.get(tenant, followUpId);
        if (due.status() != FollowUpStatus.SCHEDULED) {
            return; // cancelled, or written by an earlier run of this work
        }
        ReplyContext context = conversations.replyContext(tenant, due.conversationId());
        if (!due.messageId().equals(context.latestInboundId())) {
            followUps.settle(
                    tenant,
                    followUpId,
                    FollowUpStatus.CANCELLED,
                    null,
                    "Cancelled: the person wrote again before the follow-up was due");
            return;
        }
        String refusal = refusal(tenant, context);
        if (refusal == null && llm.mode().templateMode()) {
            refusal = "No follow-up written: no language model is configured (MC_LLM_BASE_URL is empty)";
        }
        if (refusal != null) {
            followUps.settle(
                    tenant, followUpId, FollowUpStatus.NOT_WRITTEN, null, refusal.replace("reply", "follow-up"));
            return;
        }
        CampaignView campaign = campaigns.get(tenant, context.campaignId());
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("campaign", Generation.campaignVariables(campaign));
        variables.put("channel", context.channel().name());
        variables.put("history", history(context, null));
        LlmResult result;
        try {
            result = llm.generate(
                    tenant,
                    FOLLOW_UP_PROMPT,
                    variables,
                    new LlmContext(null, "conversation", due.conversationId().toString()));
        } catch (LlmException e) {
            followUps.settle(
                    tenant,
                    followUpId,
                    FollowUpStatus.FAILED,
                    null,
                    "No follow-up written: the model call failed (" + e.kind() + ": " + e.getMessage() + ")");
            return;
        }
        String body = result.field("body");
        if (body == null || body.isBlank()) {
            followUps.settle(
                    tenant,
                    followUpId,
                    FollowUpStatus.FAILED,
                    null,
                    "No follow-up written: the model answered nothing");
            return;
        }
        QualityReview.Verdict verdict = generation.review(
                campaign,
                context.channel(),
                null,
                body.strip(),
                result.confidence(),
                false,
                false,
                Grounding.none(),
                knowledge.catalogue(tenant));
        Map<String, Object> checks =
                verdict.asChecks("qa_reviewer", result.model(), result.promptKey(), result.promptVersion());
        checks.put(
                ConversationReplyFiling.CONVERSATION,
                Map.of(
                        "id",
                        due.conversationId().toString(),
                        "messageId",
                        due.messageId().toString(),
                        "followUpId",
                        followUpId.toString()));
        try {
            filing.fileFollowUp(
                    tenant,
                    campaign.id(),
                    context.leadId(),
                    due.conversationId(),
                    followUpId,
                    context.channel(),
                    body.strip(),
                    verdict,
                    checks,
                    settings.get(tenant, campaign.id()).autoReply(context.channel()),
                    agent(campaign));
        } catch (ApiException e) {
            followUps.settle(tenant, followUpId, FollowUpStatus.FAILED, null, "No follow-up filed: " + e.getMessage());
        }
    }

    /** Why the AI must not answer this conversation at all; null when it may. */
    private String refusal(TenantId tenant, ReplyContext context) {
        if (context.status() == ConversationStatus.HUMAN) {
            return "No reply written: a person took the conversation over, so the AI does not answer";
        }
        if (context.simulated()) {
            // the simulator's customer is nobody: no lead to be DND or LOST, no number to be suppressed
            return context.campaignId() == null
                    ? "No reply written: the simulator session belongs to no campaign, so there is no persona to"
                            + " answer with; start a session for a campaign"
                    : null;
        }
        if (context.campaignId() == null || context.leadId() == null) {
            return "No reply written: the conversation belongs to no campaign, so there is no persona to answer with";
        }
        LeadView lead = leads.get(tenant, context.leadId());
        if (lead.status() == LeadStatus.DND) {
            return "No reply written: the person asked not to be contacted (DND)";
        }
        if (lead.status() == LeadStatus.LOST) {
            return "No reply written: the lead is LOST";
        }
        String blocked = leads.doNotContactReasons(tenant, List.of(lead.id())).get(lead.id());
        if (blocked != null) {
            return "No reply written: " + blocked;
        }
        if (context.participant() != null && safety.isSuppressed(tenant, context.channel(), context.participant())) {
            return "No reply written: the number is on the " + context.channel() + " suppression list"
                    + (context.channel() == Channel.SMS
                            ? " (an SMS opt-out such as STOP, or a person, put it there)"
                            : "");
        }
        return null;
    }

    private List<ProductView> productsFor(TenantId tenant, String message) {
        try {
            String q = message.length() > 1000 ? message.substring(0, 1000) : message;
            return products.search(tenant, q, PRODUCTS, ProductCatalogue.DEFAULT_MIN_SCORE).stream()
                    .map(ProductMatch::product)
                    .toList();
        } catch (RuntimeException e) {
            log.warn("Product search failed for workspace {}; answering without products", tenant.value(), e);
            return List.of();
        }
    }

    static String history(ReplyContext context, UUID upTo) {
        StringBuilder out = new StringBuilder();
        for (ReplyContext.Line l : context.lines()) {
            if (upTo != null && l.messageId().equals(upTo)) {
                break;
            }
            out.append(l.fromPerson() ? "Customer: " : "Us: ")
                    .append(
                            l.text() == null
                                    ? ""
                                    : l.text().replaceAll("\\s+", " ").strip())
                    .append('\n');
        }
        return out.length() == 0
                ? "(this is the first message)"
                : out.toString().strip();
    }

    static String describe(List<ProductView> found) {
        return found.stream()
                .map(p -> "- " + p.name()
                        + (p.price() == null
                                ? ""
                                : " | "
                                        + p.price()
                                                .amount()
                                                .stripTrailingZeros()
                                                .toPlainString() + " "
                                        + p.price().currency())
                        + (p.availability() == null ? "" : " | " + p.availability())
                        + (p.description() == null || p.description().isBlank()
                                ? ""
                                : " | "
                                        + clip(
                                                p.description()
                                                        .replaceAll("\\s+", " ")
                                                        .strip(),
                                                200)))
                .collect(Collectors.joining("\n"));
    }

    /**
     * An SMS reply as plain text: a phone shows markdown as its raw characters, so emphasis markers ({@code **},
     * {@code __}, backticks) and heading marks are taken out, a link {@code [label](url)} becomes {@code label (url)}
     * and a {@code *} bullet a dash. The words are the model's; nothing is added.
     */
    static String plainText(String body) {
        String text = body.replaceAll("\\[([^\\]\\n]+)]\\((https?://[^)\\s]+)\\)", "$1 ($2)")
                .replaceAll("\\*\\*([^*\\n]+)\\*\\*", "$1")
                .replaceAll("(?<![\\w/])__([^_\\n]+)__(?!\\w)", "$1")
                .replaceAll("`([^`\\n]+)`", "$1")
                .replaceAll("(?m)^\\s{0,3}#{1,6}\\s+", "")
                .replaceAll("(?m)^(\\s*)\\*\\s+", "$1- ");
        return text.strip();
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static Actor agent(CampaignView campaign) {
        String name = campaign.persona().agentName();
        return Actor.agent("conversation_responder", name == null || name.isBlank() ? "AI responder" : name);
    }

    private void record(TenantId tenant, ReplyContext context, UUID messageId, AiReplyStatus status, String reason) {
        replies.record(tenant, context.conversationId(), messageId, status, null, reason);
    }

    /**
     * A reviewer's decision on a draft that holds an AI reply: approved, it is sent in its conversation's thread
     * (unless the person wrote again meanwhile, or, for the AI's own approval, a person took over: then it is
     * discarded); rejected, the reply is recorded as such. Idempotent: the send's key is the draft and its version.
     */
    @org.springframework.scheduling.annotation.Async
    @org.springframework.transaction.event.TransactionalEventListener
    void on(ApprovalDecided decided) { // not in a transaction of its own: each facade call binds the tenant first
        TenantId tenant = new TenantId(decided.tenantId());
        Optional<AiReplyView> reply = replies.ofDraft(tenant, decided.draftId());
        if (reply.isEmpty()) {
            followUps.ofDraft(tenant, decided.draftId()).ifPresent(f -> onFollowUp(tenant, f, decided));
            return;
        }
        if (decided.decision() == Decision.REJECT) {
            replies.settleDraft(
                    tenant,
                    decided.draftId(),
                    AiReplyStatus.REJECTED,
                    null,
                    "Rejected by " + decided.actor().name() + (decided.notes() == null ? "" : ": " + decided.notes()));
            return;
        }
        if (!decided.decision().approves()) {
            return;
        }
        DraftView draft = drafts.get(tenant, decided.draftId());
        if (!drafts.isApprovedContent(tenant, draft.id(), draft.subject(), draft.bodyText(), draft.bodyHtml())) {
            log.warn("Approved reply draft {} differs from the approved version; not sent", draft.id());
            return;
        }
        boolean byTheAi = decided.actor().type() == Actor.Type.AGENT;
        ChannelConversations.ReplyOutcome outcome = conversations.sendReply(
                tenant,
                reply.get().conversationId(),
                reply.get().messageId(),
                draft.bodyText(),
                "draft:" + draft.id() + ":v" + decided.version(),
                byTheAi,
                decided.actor());
        replies.settleDraft(
                tenant,
                draft.id(),
                outcome.sent() ? AiReplyStatus.SENT : AiReplyStatus.DISCARDED,
                outcome.sent() ? outcome.message().id() : null,
                outcome.sent()
                        ? (byTheAi
                                ? "Sent automatically: auto-reply is on and it passed every check and the gate"
                                : "Approved by " + decided.actor().name() + " and sent")
                        : outcome.reason());
    }

    private void onFollowUp(TenantId tenant, FollowUpView followUp, ApprovalDecided decided) {
        if (decided.decision() == Decision.REJECT) {
            followUps.settle(
                    tenant,
                    followUp.id(),
                    FollowUpStatus.REJECTED,
                    null,
                    "Rejected by " + decided.actor().name() + (decided.notes() == null ? "" : ": " + decided.notes()));
            return;
        }
        if (!decided.decision().approves()) {
            return;
        }
        DraftView draft = drafts.get(tenant, decided.draftId());
        if (!drafts.isApprovedContent(tenant, draft.id(), draft.subject(), draft.bodyText(), draft.bodyHtml())) {
            log.warn("Approved follow-up draft {} differs from the approved version; not sent", draft.id());
            return;
        }
        boolean byTheAi = decided.actor().type() == Actor.Type.AGENT;
        ChannelConversations.ReplyOutcome outcome = conversations.sendReply(
                tenant,
                followUp.conversationId(),
                followUp.messageId(),
                draft.bodyText(),
                "draft:" + draft.id() + ":v" + decided.version(),
                byTheAi,
                decided.actor());
        followUps.settle(
                tenant,
                followUp.id(),
                outcome.sent() ? FollowUpStatus.SENT : FollowUpStatus.DISCARDED,
                null,
                outcome.sent()
                        ? "Follow-up sent (outside the 24-hour window WhatsApp refuses free text)"
                        : outcome.reason());
        if (outcome.sent() && followUp.leadId() != null) {
            leads.advance(tenant, followUp.leadId(), LeadStatus.CONTACTED, decided.actor());
        }
    }
}
