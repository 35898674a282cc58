package ai.revo.missioncontrol.conversations;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.identity.UserId;
import ai.revo.missioncontrol.outbound.OutboundGateway;
import ai.revo.missioncontrol.outbound.OutboundMessage;
import ai.revo.missioncontrol.outbound.OutboundView;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.TenantContext;
import ai.revo.missioncontrol.safety.Channel;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Conversations on channels that send through the outbound gateway (WhatsApp): a person's message filed into the
 * thread of their contact, campaign and channel, the thread's messages with what became of each answer, an
 * operator's answer (queued, then through the gateway: dry run, switches, pause, suppression and the customer-care
 * window apply), and taking a conversation over from the AI and handing it back.
 */
@Service
public class ChannelConversations {

    /** The longest answer accepted, in characters (WhatsApp's text limit is 4,096). */
    public static final int MAX_TEXT = 4096;

    private final ConversationRepository conversations;
    private final ConversationMessageRepository messages;
    private final ConversationManagement management;
    private final ConversationSendQueue queue;
    private final OutboundGateway gateway;
    private final ai.revo.missioncontrol.outbound.OutboundLog log;
    private final TransactionTemplate tx;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final Clock clock;
    private final ConversationTemplateSends templateSends;

    ChannelConversations(
            ConversationRepository conversations,
            ConversationMessageRepository messages,
            ConversationManagement management,
            ConversationSendQueue queue,
            OutboundGateway gateway,
            ai.revo.missioncontrol.outbound.OutboundLog log,
            PlatformTransactionManager transactions,
            org.springframework.jdbc.core.simple.JdbcClient jdbc,
            Clock clock,
            ConversationTemplateSends templateSends) {
        this.templateSends = templateSends;
        this.jdbc = jdbc;
        this.conversations = conversations;
        this.messages = messages;
        this.management = management;
        this.queue = queue;
        this.gateway = gateway;
        this.log = log;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Where a filed message went. {@code status} is the conversation's standing after it. */
    public record Filed(UUID conversationId, UUID messageId, ConversationStatus status, boolean alreadyFiled) {}

    /**
     * Files a message the person sent into the conversation of their contact, campaign and channel (started when
     * there is none): it waits for an answer (TO_ANSWER) unless a person took it over (HUMAN stays).
     * {@code conversation.message_received} is published. Idempotent per provider message id.
     */
    @Transactional
    public Filed recordInbound(TenantId tenant, InboundChannelMessage m) {
        String key = m.channel().name().toLowerCase(java.util.Locale.ROOT) + ":" + m.providerMessageId();
        Optional<ConversationMessage> filed = messages.findByTenantIdAndExternalKey(tenant, key);
        if (filed.isPresent()) {
            Conversation c = load(tenant, filed.get().conversationId());
            return new Filed(c.id(), filed.get().id(), c.status(), true);
        }
        Instant now = clock.instant();
        Conversation conversation =
                conversationFor(tenant, m.contactId(), m.campaignId(), m.leadId(), m.participant(), m.channel(), now);
        ConversationMessage in = messages.save(ConversationMessage.write(
                tenant,
                conversation.id(),
                new ConversationMessage.Content(
                        Direction.IN,
                        m.channel(),
                        key,
                        null,
                        null,
                        null,
                        m.participant(),
                        null,
                        null,
                        m.text(),
                        null,
                        null,
                        m.occurredAt(),
                        m.type(),
                        m.payload(),
                        m.providerMessageId()),
                now));
        conversation.received(in, now);
        conversations.save(conversation);
        return new Filed(conversation.id(), in.id(), conversation.status(), false);
    }

    private Conversation conversationFor(
            TenantId tenant,
            UUID contactId,
            UUID campaignId,
            UUID leadId,
            String participant,
            Channel channel,
            Instant now) {
        // one conversation per person, campaign and channel, also when two messages arrive at once
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))")
                .param("conversation:" + tenant.value() + ":" + contactId + ":" + campaignId + ":" + channel)
                .query((rs, n) -> 1)
                .list();
        return conversations
                .lockOfChannel(tenant, contactId, campaignId, channel.name())
                .orElseGet(() -> conversations.save(
                        Conversation.start(tenant, contactId, campaignId, leadId, participant, null, channel, now)));
    }

    /** The conversation's messages, oldest first, with what became of each answer. 404 when unknown. */
    @Transactional(readOnly = true)
    public List<ThreadMessage> messages(TenantId tenant, UUID id) {
        load(tenant, id);
        List<ConversationMessage> thread =
                messages.findByTenantIdAndConversationIdOrderByOccurredAtAscCreatedAtAsc(tenant, id);
        List<UUID> outboundIds = thread.stream()
                .map(ConversationMessage::outboundMessageId)
                .filter(java.util.Objects::nonNull)
                .toList();
        Map<UUID, OutboundView> outbound = log.getAll(tenant, outboundIds).stream()
                .collect(Collectors.toMap(OutboundView::id, Function.identity()));
        List<ai.revo.missioncontrol.conversations.MessageView> emailViews = null;
        java.util.List<ThreadMessage> out = new java.util.ArrayList<>();
        for (ConversationMessage m : thread) {
            String status;
            String error = null;
            if (m.direction() == Direction.IN) {
                status = "RECEIVED";
            } else if (m.outboundMessageId() != null && outbound.containsKey(m.outboundMessageId())) {
                OutboundView o = outbound.get(m.outboundMessageId());
                status = o.deliveryStatus() != null && !"SENT".equals(o.deliveryStatus())
                        ? o.deliveryStatus()
                        : o.status().name();
                error = o.deliveryError() != null ? o.deliveryError() : o.reason();
                if ("SIMULATED".equals(status)) {
                    error = o.reason();
                } else if ("SENT".equals(status) || "DELIVERED".equals(status) || "READ".equals(status)) {
                    error = null;
                }
            } else if (m.channel() == Channel.EMAIL) {
                if (emailViews == null) {
                    emailViews = management
                            .get(tenant, new UserId(new UUID(0, 0)), id)
                            .messages();
                }
                var ev = emailViews.stream().filter(v -> v.id().equals(m.id())).findFirst();
                status = ev.map(ai.revo.missioncontrol.conversations.MessageView::status)
                        .orElse("UNKNOWN");
                error = ev.map(ai.revo.missioncontrol.conversations.MessageView::statusReason)
                        .orElse(null);
            } else {
                status = "QUEUED";
            }
            out.add(new ThreadMessage(
                    m.id(),
                    m.conversationId(),
                    m.direction() == Direction.IN ? "INBOUND" : "OUTBOUND",
                    m.channel(),
                    m.messageType(),
                    m.bodyText(),
                    m.payload(),
                    m.providerMessageId(),
                    status,
                    error,
                    m.authorName(),
                    m.occurredAt(),
                    m.createdAt()));
        }
        return out;
    }

    /**
     * An operator's answer: recorded at once and sent through the outbound gateway as durable background work (202:
     * its status follows). {@code idempotencyKey} is required: the same key answers the first message again and
     * sends nothing more. On an email conversation this is the threaded email answer. 400 for a missing key or an
     * empty or too long text, 404 unknown conversation.
     */
    @Transactional
    public ThreadMessage send(TenantId tenant, UUID id, String text, String idempotencyKey, Actor actor) {
        Conversation conversation = load(tenant, id);
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw ApiException.invalidField("Idempotency-Key", "is required");
        }
        if (idempotencyKey.length() > 200) {
            throw ApiException.invalidField("Idempotency-Key", "must be at most 200 characters");
        }
        if (conversation.channel() == Channel.EMAIL) {
            var answered = management.answer(tenant, id, text, null, idempotencyKey, actor);
            return messages(tenant, id).stream()
                    .filter(m -> m.id().equals(answered.id()))
                    .findFirst()
                    .orElseThrow();
        }
        String key = sendKey(tenant, idempotencyKey);
        Optional<ConversationMessage> earlier = messages.findByTenantIdAndExternalKey(tenant, key);
        if (earlier.isPresent()) {
            if (!earlier.get().conversationId().equals(id)) {
                throw new ApiException(
                        ai.revo.missioncontrol.platform.ErrorCode.IDEMPOTENCY_CONFLICT,
                        "This Idempotency-Key was already used for another conversation");
            }
            return one(tenant, earlier.get());
        }
        if (text == null || text.isBlank()) {
            throw ApiException.invalidField("text", "is required");
        }
        if (text.length() > MAX_TEXT) {
            throw ApiException.invalidField("text", "must be at most " + MAX_TEXT + " characters");
        }
        Instant now = clock.instant();
        ConversationMessage out = messages.save(ConversationMessage.write(
                tenant,
                id,
                new ConversationMessage.Content(
                        Direction.OUT,
                        conversation.channel(),
                        key,
                        null,
                        null,
                        null,
                        null,
                        conversation.participant(),
                        null,
                        text.strip(),
                        actor.type() == Actor.Type.USER ? uuidOrNull(actor.id()) : null,
                        actor.name(),
                        now,
                        "text",
                        null,
                        null),
                now));
        conversation.sent(out, actor, now);
        conversations.save(conversation);
        queue.enqueue(tenant, out.id());
        return one(tenant, out);
    }

    /** An approved template to send: its name, language and the body's parameters in order. */
    public record TemplateMessage(String templateName, String language, List<String> parameters) {}

    /**
     * The workspace's templates a WhatsApp conversation can send now (APPROVED, as last synced); empty when none is
     * synced or no module answers for templates.
     */
    public List<ConversationTemplates.TemplateOption> approvedTemplates(TenantId tenant) {
        return templateSends.approved(tenant);
    }

    /** The template's body with these parameters filled in (placeholders without one stay); empty when unknown. */
    public Optional<String> renderedTemplate(TenantId tenant, String name, String language, List<String> parameters) {
        return templateSends.rendered(tenant, name, language, parameters);
    }

    /**
     * Sends an approved template into a WhatsApp conversation (the only message WhatsApp allows outside the 24-hour
     * window) the way {@link #send} sends a free-form reply: recorded in the thread at once with the rendered body
     * (QUEUED), the conversation answered (a CLOSED one reopens, as with a free-form reply), and sent through the
     * outbound gateway as durable background work, so the thread shows what the gateway decided (SENT, SIMULATED in
     * dry run or a simulator conversation, BLOCKED_..., FAILED). {@code idempotencyKey} is required: the same key
     * answers the first message again and sends nothing more (409 IDEMPOTENCY_CONFLICT for another conversation or
     * message). Refusals change nothing: 404 unknown conversation; 422 not a WhatsApp conversation; 400 missing
     * key, unknown or not APPROVED template, or another number of parameters than the template's placeholders.
     */
    @Transactional
    public ThreadMessage sendTemplate(
            TenantId tenant, UUID id, TemplateMessage request, String idempotencyKey, Actor actor) {
        Conversation conversation = load(tenant, id);
        String key = sendKey(tenant, idempotencyKey);
        return one(tenant, templateSends.record(tenant, conversation, request, key, actor));
    }

    /**
     * The thread's idempotency key for an operator's message, locked for this transaction: two requests with the
     * same key at once record one message. 400 for a missing or too long key.
     */
    private String sendKey(TenantId tenant, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw ApiException.invalidField("Idempotency-Key", "is required");
        }
        if (idempotencyKey.length() > 200) {
            throw ApiException.invalidField("Idempotency-Key", "must be at most 200 characters");
        }
        String key = "send:" + idempotencyKey.trim();
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param("conversation-send:" + tenant.value() + ":" + key)
                .query((rs, n) -> 1)
                .list();
        return key;
    }

    /** How many of the latest messages a responder reads. */
    public static final int CONTEXT_MESSAGES = 20;

    /** The conversation as a responder reads it: its standing, the newest message of the person, the last 20. */
    @Transactional(readOnly = true)
    public ReplyContext replyContext(TenantId tenant, UUID id) {
        Conversation c = load(tenant, id);
        List<ConversationMessage> latest = new java.util.ArrayList<>(
                messages.findTop20ByTenantIdAndConversationIdOrderByOccurredAtDescCreatedAtDesc(tenant, id));
        java.util.Collections.reverse(latest);
        UUID latestInbound =
                messages.findFirstByTenantIdAndConversationIdAndDirectionOrderByOccurredAtDescCreatedAtDesc(
                                tenant, id, Direction.IN)
                        .map(ConversationMessage::id)
                        .orElse(null);
        return new ReplyContext(
                c.id(),
                c.campaignId(),
                c.leadId(),
                c.contactId(),
                c.channel(),
                c.status(),
                c.participant(),
                latestInbound,
                latest.stream()
                        .map(m -> new ReplyContext.Line(
                                m.id(), m.direction() == Direction.IN, m.messageType(), m.bodyText(), m.occurredAt()))
                        .toList(),
                c.simulated());
    }

    /** What became of a reply handed over with {@link #sendReply}: sent (queued, {@code message}) or discarded. */
    public record ReplyOutcome(boolean sent, ThreadMessage message, String reason) {}

    /**
     * Sends a reply written for the person's message {@code answers}, unless it is stale: when the person wrote again
     * after that message, the reply is discarded (it answers a question that is no longer the last), and with
     * {@code onlyWhileTheAiAnswers} also when a person took the conversation over. Otherwise as {@link #send}; the
     * same {@code idempotencyKey} answers the first outcome again. 404 when unknown.
     */
    @Transactional
    public ReplyOutcome sendReply(
            TenantId tenant,
            UUID id,
            UUID answers,
            String text,
            String idempotencyKey,
            boolean onlyWhileTheAiAnswers,
            Actor actor) {
        Conversation conversation = load(tenant, id);
        Optional<ConversationMessage> earlier = messages.findByTenantIdAndExternalKey(tenant, "send:" + idempotencyKey);
        if (earlier.isPresent()) {
            return new ReplyOutcome(true, one(tenant, earlier.get()), null);
        }
        UUID latest = messages.findFirstByTenantIdAndConversationIdAndDirectionOrderByOccurredAtDescCreatedAtDesc(
                        tenant, id, Direction.IN)
                .map(ConversationMessage::id)
                .orElse(null);
        if (answers != null && !answers.equals(latest)) {
            return new ReplyOutcome(
                    false, null, "Discarded: the person wrote again after the message this reply answers");
        }
        if (onlyWhileTheAiAnswers && conversation.status() == ConversationStatus.HUMAN) {
            return new ReplyOutcome(false, null, "Discarded: a person took the conversation over");
        }
        return new ReplyOutcome(true, send(tenant, id, text, idempotencyKey, actor), null);
    }

    /**
     * Sends a queued answer through the outbound gateway (outside any transaction) and records the outbound message
     * and the provider's id. Safe to run again: the gateway's idempotency key returns the first outcome.
     */
    public void deliver(TenantId tenant, UUID messageId) {
        TenantContext.runAs(tenant.value(), () -> {
            record Work(ConversationMessage message, Conversation conversation) {}
            Work work = tx.execute(s -> messages.findByTenantIdAndId(tenant, messageId)
                    .map(m -> new Work(m, load(tenant, m.conversationId())))
                    .orElse(null));
            if (work == null || work.message().outboundMessageId() != null) {
                return;
            }
            ConversationMessage m = work.message();
            Conversation c = work.conversation();
            OutboundMessage outbound = new OutboundMessage(
                    m.channel(),
                    c.participant(),
                    null,
                    m.bodyText(),
                    c.campaignId(),
                    c.leadId(),
                    null,
                    "conversation-message:" + m.id(),
                    m.authorName() == null ? Actor.system() : Actor.user(null, m.authorName()),
                    null,
                    templateSends.parts(m));
            // a simulator conversation's messages are recorded by the gateway as SIMULATED and never leave
            OutboundView sent =
                    c.simulated() ? gateway.submitSimulated(tenant, outbound) : gateway.submit(tenant, outbound);
            tx.executeWithoutResult(s -> messages.findByTenantIdAndId(tenant, messageId)
                    .ifPresent(fresh -> {
                        fresh.handedToGateway(sent.id(), sent.providerMessageId());
                        messages.save(fresh);
                    }));
        });
    }

    /** A person takes the conversation over from the AI (HUMAN, assigned to them). 404 when unknown. */
    @Transactional
    public ConversationView takeOver(TenantId tenant, UserId user, UUID id, String userName, Actor actor) {
        Conversation c = load(tenant, id);
        c.takeOver(user.value(), userName, actor, clock.instant());
        conversations.save(c);
        return management.get(tenant, user, id).conversation();
    }

    /** Hands a taken-over conversation back to the AI (OPEN). 404 when unknown, 409 when nobody had taken it over. */
    @Transactional
    public ConversationView handBack(TenantId tenant, UserId user, UUID id, Actor actor) {
        Conversation c = load(tenant, id);
        c.handBack(actor, clock.instant());
        conversations.save(c);
        return management.get(tenant, user, id).conversation();
    }

    private ThreadMessage one(TenantId tenant, ConversationMessage m) {
        return messages(tenant, m.conversationId()).stream()
                .filter(t -> t.id().equals(m.id()))
                .findFirst()
                .orElseThrow();
    }

    private Conversation load(TenantId tenant, UUID id) {
        return conversations
                .findByTenantIdAndId(tenant, id)
                .orElseThrow(() -> ApiException.notFound("Conversation", id));
    }

    private static UUID uuidOrNull(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
