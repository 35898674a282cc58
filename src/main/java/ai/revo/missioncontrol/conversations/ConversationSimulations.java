package ai.revo.missioncontrol.conversations;

import ai.revo.missioncontrol.drafts.Decision;
import ai.revo.missioncontrol.drafts.DraftManagement;
import ai.revo.missioncontrol.drafts.DraftStatus;
import ai.revo.missioncontrol.drafts.DraftView;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.safety.Channel;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Simulated WhatsApp conversations (the simulator): no contact and no lead, kept out of the inbox and its counts.
 * A message typed into one is filed exactly as a webhook's text message is, so {@code conversation.message_received}
 * starts the same AI reply work (history, knowledge, products, checks, confidence gate, approval inbox); what is sent
 * in it goes through the outbound gateway, which records it as SIMULATED and never hands it to a provider.
 */
@Service
public class ConversationSimulations {

    private final ConversationRepository conversations;
    private final ConversationMessageRepository messages;
    private final ChannelConversations channel;
    private final ConversationReplies replies;
    private final DraftManagement drafts;
    private final JdbcClient jdbc;
    private final Clock clock;

    ConversationSimulations(
            ConversationRepository conversations,
            ConversationMessageRepository messages,
            ChannelConversations channel,
            ConversationReplies replies,
            DraftManagement drafts,
            JdbcClient jdbc,
            Clock clock) {
        this.conversations = conversations;
        this.messages = messages;
        this.channel = channel;
        this.replies = replies;
        this.drafts = drafts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Starts a simulated WhatsApp conversation for {@code campaignId} (may be null); returns its id. */
    @Transactional
    public UUID start(TenantId tenant, UUID campaignId, String participant) {
        return conversations
                .save(Conversation.simulation(tenant, campaignId, participant, clock.instant()))
                .id();
    }

    /**
     * Files what the simulated customer typed as a WhatsApp text message from the person (TO_ANSWER,
     * {@code conversation.message_received}). 404 when {@code id} is no simulated conversation of the workspace.
     */
    @Transactional
    public ChannelConversations.Filed say(TenantId tenant, UUID id, String text) {
        Conversation conversation = load(tenant, id);
        Instant now = clock.instant();
        String providerId = "simulator." + UUID.randomUUID();
        ConversationMessage in = messages.save(ConversationMessage.write(
                tenant,
                id,
                new ConversationMessage.Content(
                        Direction.IN,
                        Channel.WHATSAPP,
                        "simulator:" + providerId,
                        null,
                        null,
                        null,
                        conversation.participant(),
                        null,
                        null,
                        text,
                        null,
                        null,
                        now,
                        "text",
                        null,
                        providerId),
                now));
        conversation.received(in, now);
        conversations.save(conversation);
        return new ChannelConversations.Filed(id, in.id(), conversation.status(), false);
    }

    /** One message of a simulated conversation and, for the customer's, what the AI did with it (null: not yet). */
    public record Turn(ThreadMessage message, AiReplyView aiReply, DraftReply draft) {}

    /**
     * The reply the AI wrote into the approval inbox: its text, status, confidence, the knowledge passages it used and
     * whether it passed the deterministic checks and the gate.
     */
    public record DraftReply(
            UUID draftId,
            String text,
            String status,
            BigDecimal confidence,
            List<Source> sources,
            Boolean checksPassed,
            Boolean gatePassed) {}

    /** A knowledge passage a reply was grounded on. */
    public record Source(String sourceName, Integer page, double score, String snippet) {}

    /** The simulated conversation's messages, oldest first, with the AI's reply to each of the customer's. */
    @Transactional(readOnly = true)
    public List<Turn> transcript(TenantId tenant, UUID id) {
        load(tenant, id);
        List<Turn> out = new ArrayList<>();
        for (ThreadMessage m : channel.messages(tenant, id)) {
            if (!"INBOUND".equals(m.direction())) {
                out.add(new Turn(m, null, null));
                continue;
            }
            AiReplyView reply = replies.ofMessage(tenant, m.id()).orElse(null);
            DraftReply draft = null;
            if (reply != null && reply.draftId() != null) {
                DraftView d = drafts.get(tenant, reply.draftId());
                Map<String, Object> checks = d.checks() == null ? Map.of() : d.checks();
                draft = new DraftReply(
                        d.id(),
                        d.bodyText(),
                        d.status().name(),
                        d.confidence(),
                        d.sources() == null
                                ? List.of()
                                : d.sources().stream()
                                        .map(x -> new Source(x.sourceName(), x.page(), x.score(), x.snippet()))
                                        .toList(),
                        checks.get("passed") instanceof Boolean b ? b : null,
                        gate(checks));
            }
            out.add(new Turn(m, reply, draft));
        }
        return out;
    }

    private static Boolean gate(Map<String, Object> checks) {
        return checks.get("gatePassed") instanceof Boolean b ? b : null;
    }

    /**
     * Removes the simulated conversation and everything in it (messages, the AI's replies, reads); a reply still
     * waiting in the approval inbox is rejected first, so nobody approves it later. 404 when it is no simulated
     * conversation of the workspace.
     */
    @Transactional
    public void delete(TenantId tenant, UUID id, Actor actor) {
        load(tenant, id);
        for (AiReplyView waiting : replies.awaiting(tenant, id)) {
            if (waiting.draftId() == null) {
                continue;
            }
            DraftView d = drafts.get(tenant, waiting.draftId());
            if (d.status() == DraftStatus.NEEDS_APPROVAL) {
                drafts.decide(
                        tenant, d.id(), Decision.REJECT, "The simulator session was deleted", null, d.etag(), actor);
            }
        }
        for (String table : List.of(
                "conversation_ai_replies", "conversation_follow_ups", "conversation_reads", "conversation_messages")) {
            jdbc.sql("delete from " + table + " where tenant_id = ? and conversation_id = ?")
                    .params(tenant.value(), id)
                    .update();
        }
        jdbc.sql("delete from conversations where tenant_id = ? and id = ? and simulated")
                .params(tenant.value(), id)
                .update();
    }

    /** Whether {@code id} is a simulated conversation of the workspace. */
    @Transactional(readOnly = true)
    public boolean exists(TenantId tenant, UUID id) {
        return find(tenant, id).isPresent();
    }

    private Optional<Conversation> find(TenantId tenant, UUID id) {
        return conversations.findByTenantIdAndId(tenant, id).filter(Conversation::simulated);
    }

    private Conversation load(TenantId tenant, UUID id) {
        return find(tenant, id).orElseThrow(() -> ApiException.notFound("Simulator session", id));
    }
}
