package ai.revo.missioncontrol.conversations;

import ai.revo.missioncontrol.campaigns.CampaignManagement;
import ai.revo.missioncontrol.contacts.ContactDetails;
import ai.revo.missioncontrol.contacts.ContactManagement;
import ai.revo.missioncontrol.contacts.LeadManagement;
import ai.revo.missioncontrol.email.EmailDetail;
import ai.revo.missioncontrol.email.EmailReplies;
import ai.revo.missioncontrol.email.EmailSending;
import ai.revo.missioncontrol.email.EmailView;
import ai.revo.missioncontrol.email.Emails;
import ai.revo.missioncontrol.email.ReplyView;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.identity.UserId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorCode;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import ai.revo.missioncontrol.safety.Channel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The conversations of a workspace: a reply recorded by the email module becomes a message in the thread of its
 * person and campaign (with the email it answers), the inbox lists what waits, a person answers (threaded, through
 * the email pipeline) or closes. Read state is per user.
 */
@Service
public class ConversationManagement {

    private static final Logger log = LoggerFactory.getLogger(ConversationManagement.class);

    /** The longest answer accepted, in characters. */
    public static final int MAX_ANSWER = 50_000;

    private final ConversationRepository conversations;
    private final ConversationMessageRepository messages;
    private final EmailReplies replies;
    private final Emails emails;
    private final EmailSending sending;
    private final LeadManagement leads;
    private final ContactManagement contacts;
    private final CampaignManagement campaigns;
    private final JdbcClient jdbc;
    private final Clock clock;

    ConversationManagement(
            ConversationRepository conversations,
            ConversationMessageRepository messages,
            EmailReplies replies,
            Emails emails,
            EmailSending sending,
            LeadManagement leads,
            ContactManagement contacts,
            CampaignManagement campaigns,
            JdbcClient jdbc,
            Clock clock) {
        this.conversations = conversations;
        this.messages = messages;
        this.replies = replies;
        this.emails = emails;
        this.sending = sending;
        this.leads = leads;
        this.contacts = contacts;
        this.campaigns = campaigns;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Files a reply the email module recorded into the conversation of its person and campaign (started when
     * there is none, with the email it answers as its first message) and marks it TO_ANSWER. Idempotent: a reply
     * already filed changes nothing. Returns the conversation, or empty when the reply is not this workspace's.
     */
    @Transactional
    public Optional<UUID> recordReply(TenantId tenant, UUID replyId) {
        String key = "email-reply:" + replyId;
        Optional<ConversationMessage> filed = messages.findByTenantIdAndExternalKey(tenant, key);
        if (filed.isPresent()) {
            return Optional.of(filed.get().conversationId());
        }
        ReplyView reply = replies.reply(tenant, replyId).orElse(null);
        if (reply == null) {
            log.info("Reply {} is not in workspace {}; nothing filed", replyId, tenant.value());
            return Optional.empty();
        }
        EmailDetail detail = emails.detail(tenant, reply.emailId());
        EmailView email = detail.email();
        UUID contactId = contactOf(tenant, email);
        Instant now = clock.instant();
        Conversation conversation = conversationFor(tenant, contactId, email, now);
        String originalKey = "email:" + email.id();
        if (messages.findByTenantIdAndExternalKey(tenant, originalKey).isEmpty()) {
            ConversationMessage original = messages.save(ConversationMessage.write(
                    tenant,
                    conversation.id(),
                    new ConversationMessage.Content(
                            Direction.OUT,
                            Channel.EMAIL,
                            originalKey,
                            email.id(),
                            null,
                            email.messageId(),
                            email.fromEmail(),
                            email.toEmail(),
                            email.subject(),
                            detail.bodyText(),
                            null,
                            null,
                            email.sentAt() != null ? email.sentAt() : email.createdAt()),
                    now));
            conversation.recorded(original, now);
        }
        ConversationMessage in = messages.save(ConversationMessage.write(
                tenant,
                conversation.id(),
                new ConversationMessage.Content(
                        Direction.IN,
                        Channel.EMAIL,
                        key,
                        null,
                        email.id(),
                        reply.messageId(),
                        reply.fromEmail() != null ? reply.fromEmail() : email.toEmail(),
                        email.fromEmail(),
                        reply.subject(),
                        reply.bodyText(),
                        null,
                        null,
                        reply.receivedAt()),
                now));
        conversation.received(in, now);
        conversations.save(conversation);
        return Optional.of(conversation.id());
    }

    private UUID contactOf(TenantId tenant, EmailView email) {
        if (email.leadId() != null) {
            try {
                return leads.get(tenant, email.leadId()).contactId();
            } catch (ApiException e) {
                // the lead is gone: the person is found by address below
            }
        }
        return contacts.upsert(
                        tenant,
                        new ContactDetails(
                                null, null, email.toEmail(), null, null, null, null, null, null, null, null, null),
                        Actor.system())
                .id();
    }

    private Conversation conversationFor(TenantId tenant, UUID contactId, EmailView email, Instant now) {
        // one conversation per person and campaign, also when two replies arrive at once
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))")
                .param("conversation:" + tenant.value() + ":" + contactId + ":" + email.campaignId())
                .query((rs, n) -> 1)
                .list();
        return conversations
                .lockOf(tenant, contactId, email.campaignId())
                .orElseGet(() -> conversations.save(Conversation.start(
                        tenant, contactId, email.campaignId(), email.leadId(), email.toEmail(), email.subject(), now)));
    }

    /**
     * The workspace's conversations, the most recent first: {@code status} null for all, {@code q} searches the
     * address, subject and last message.
     */
    @Transactional(readOnly = true)
    public PageResult<ConversationView> list(
            TenantId tenant, UserId user, ConversationStatus status, String q, PageQuery page) {
        return list(tenant, user, status, null, q, page);
    }

    /** {@link #list} of one channel only ({@code channel} null: every channel). */
    @Transactional(readOnly = true)
    public PageResult<ConversationView> list(
            TenantId tenant, UserId user, ConversationStatus status, Channel channel, String q, PageQuery page) {
        return list(tenant, user, status, channel, ConversationFilter.ALL, q, page);
    }

    /** {@link #list} of one channel, narrowed to who handles the conversations ({@code filter}). */
    @Transactional(readOnly = true)
    public PageResult<ConversationView> list(
            TenantId tenant,
            UserId user,
            ConversationStatus status,
            Channel channel,
            ConversationFilter filter,
            String q,
            PageQuery page) {
        String query = q == null || q.isBlank() ? null : q.trim();
        String like = query == null
                ? null
                : "%"
                        + query.toLowerCase(Locale.ROOT)
                                .replace("\\", "\\\\")
                                .replace("%", "\\%")
                                .replace("_", "\\_") + "%";
        String where = " where c.tenant_id = :tenant and not c.simulated"
                + " and (cast(:status as text) is null or c.status = :status)"
                + " and (cast(:channel as text) is null or c.channel = :channel)"
                + " and (cast(:q as text) is null or lower(c.participant) like :like or lower(coalesce(c.subject, ''))"
                + " like :like or lower(coalesce(c.last_preview, '')) like :like)"
                + (filter == null ? "" : filter.clause());
        long total = jdbc.sql("select count(*) from conversations c" + where)
                .param("tenant", tenant.value())
                .param("user", user.value())
                .param("status", status == null ? null : status.name())
                .param("channel", channel == null ? null : channel.name())
                .param("q", query)
                .param("like", like)
                .query(Long.class)
                .single();
        List<Row> rows = jdbc.sql(SELECT + where + " order by c.last_message_at desc, c.id limit :limit offset :offset")
                .param("tenant", tenant.value())
                .param("user", user.value())
                .param("status", status == null ? null : status.name())
                .param("channel", channel == null ? null : channel.name())
                .param("q", query)
                .param("like", like)
                .param("limit", page.limit())
                .param("offset", page.offset())
                .query(ConversationManagement::row)
                .list();
        Names names = new Names(tenant);
        return PageResult.of(rows.stream().map(names::view).toList(), page, total);
    }

    /** The conversation with its messages (oldest first), or 404. Reading it does not mark it read. */
    @Transactional(readOnly = true)
    public ConversationDetail get(TenantId tenant, UserId user, UUID id) {
        Row row = jdbc.sql(SELECT + " where c.tenant_id = :tenant and c.id = :id")
                .param("tenant", tenant.value())
                .param("user", user.value())
                .param("id", id)
                .query(ConversationManagement::row)
                .optional()
                .orElseThrow(() -> ApiException.notFound("Conversation", id));
        List<MessageView> thread = new ArrayList<>();
        for (ConversationMessage m :
                messages.findByTenantIdAndConversationIdOrderByOccurredAtAscCreatedAtAsc(tenant, id)) {
            thread.add(view(tenant, m));
        }
        return new ConversationDetail(new Names(tenant).view(row), thread);
    }

    /** Marks the conversation read for this user (up to now); 404 when it is not this workspace's. */
    @Transactional
    public void markRead(TenantId tenant, UserId user, UUID id) {
        load(tenant, id);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into conversation_reads (tenant_id, conversation_id, user_id, read_at, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (tenant_id, conversation_id, user_id) do update set read_at = excluded.read_at,
                    updated_at = excluded.updated_at""").params(tenant.value(), id, user.value(), now, now, now).update();
    }

    /**
     * How many conversations wait for a person's answer (TO_ANSWER: the person wrote last and nobody has answered),
     * the Inbox's default view.
     */
    @Transactional(readOnly = true)
    public long toAnswerCount(TenantId tenant) {
        return jdbc.sql(
                        "select count(*) from conversations where tenant_id = ? and status = 'TO_ANSWER' and not simulated")
                .params(tenant.value())
                .query(Long.class)
                .single();
    }

    /** Which of these replies (the email module's ids) are already filed into a conversation. */
    @Transactional(readOnly = true)
    public java.util.Set<UUID> filedReplies(TenantId tenant, java.util.Collection<UUID> replyIds) {
        if (replyIds.isEmpty()) {
            return java.util.Set.of();
        }
        return jdbc
                .sql("select external_key from conversation_messages where tenant_id = :tenant "
                        + "and external_key in (:keys)")
                .param("tenant", tenant.value())
                .param("keys", replyIds.stream().map(id -> "email-reply:" + id).toList())
                .query(String.class)
                .list()
                .stream()
                .map(key -> UUID.fromString(key.substring("email-reply:".length())))
                .collect(java.util.stream.Collectors.toSet());
    }

    /** {@link #unreadCount} on one channel only. */
    @Transactional(readOnly = true)
    public long unreadCount(TenantId tenant, UserId user, Channel channel) {
        return jdbc.sql("""
                select count(*) from conversations c where c.tenant_id = ? and c.channel = ? and c.last_inbound_at is not null
                  and not c.simulated
                  and not exists (select 1 from conversation_reads r where r.tenant_id = c.tenant_id
                      and r.conversation_id = c.id and r.user_id = ? and r.read_at >= c.last_inbound_at)""")
                .params(tenant.value(), channel.name(), user.value())
                .query(Long.class)
                .single();
    }

    /** How many conversations have a message from the person that this user has not opened since. */
    @Transactional(readOnly = true)
    public long unreadCount(TenantId tenant, UserId user) {
        return jdbc.sql("""
                select count(*) from conversations c where c.tenant_id = ? and c.last_inbound_at is not null
                  and not c.simulated
                  and not exists (select 1 from conversation_reads r where r.tenant_id = c.tenant_id
                      and r.conversation_id = c.id and r.user_id = ? and r.read_at >= c.last_inbound_at)""")
                .params(tenant.value(), user.value())
                .query(Long.class)
                .single();
    }

    /** The conversation an email (sent or answered) belongs to, if any. */
    @Transactional(readOnly = true)
    public Optional<UUID> ofEmail(TenantId tenant, UUID emailId) {
        return jdbc.sql("""
                select conversation_id from conversation_messages where tenant_id = ?
                  and (email_id = ? or answers_email_id = ?) order by occurred_at desc limit 1""")
                .params(tenant.value(), emailId, emailId)
                .query(UUID.class)
                .optional();
    }

    /**
     * Answers the person's last message: an email to them from the address they wrote to (or {@code fromEmail}),
     * subject "Re: ..." of the email they answered, In-Reply-To their message's Message-ID (else that email's) and
     * References the thread's Message-IDs, queued through the email pipeline. The conversation becomes OPEN. The
     * same {@code idempotencyKey} again answers the first message and sends nothing more. 400 for an empty or too
     * long text or a sender the actor may not use, 404 unknown conversation, 409 when the person never wrote.
     */
    @Transactional
    public MessageView answer(
            TenantId tenant, UUID id, String bodyText, String fromEmail, String idempotencyKey, Actor actor) {
        Conversation conversation = load(tenant, id);
        if (conversation.channel() != Channel.EMAIL) {
            throw ApiException.conflict("This is a " + conversation.channel()
                    + " conversation: answer it with POST /api/v1/conversations/{id}/messages");
        }
        if (idempotencyKey != null && idempotencyKey.length() > 255) {
            throw ApiException.invalidField("Idempotency-Key", "must be at most 255 characters");
        }
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : "answer:" + idempotencyKey.trim();
        if (key != null) {
            Optional<ConversationMessage> earlier = messages.findByTenantIdAndExternalKey(tenant, key);
            if (earlier.isPresent()) {
                if (!earlier.get().conversationId().equals(id)) {
                    throw new ApiException(
                            ErrorCode.IDEMPOTENCY_CONFLICT,
                            "This Idempotency-Key was already used for a different request");
                }
                return view(tenant, earlier.get());
            }
        }
        if (bodyText == null || bodyText.isBlank()) {
            throw ApiException.invalidField("bodyText", "is required");
        }
        if (bodyText.length() > MAX_ANSWER) {
            throw ApiException.invalidField("bodyText", "must be at most " + MAX_ANSWER + " characters");
        }
        List<ConversationMessage> thread =
                messages.findByTenantIdAndConversationIdOrderByOccurredAtAscCreatedAtAsc(tenant, id);
        ConversationMessage last = thread.stream()
                .filter(m -> m.direction() == Direction.IN)
                .reduce((a, b) -> b)
                .orElseThrow(() -> ApiException.conflict("Nothing to answer: the person has not written yet"));
        EmailView answered = emails.get(tenant, last.answersEmailId());
        String inReplyTo = last.headerMessageId() != null ? last.headerMessageId() : answered.messageId();
        Set<String> ids = new LinkedHashSet<>();
        ids.add(answered.messageId());
        thread.stream()
                .map(ConversationMessage::headerMessageId)
                .filter(h -> h != null && !h.isBlank())
                .forEach(ids::add);
        ids.add(inReplyTo);
        String to = last.sender() != null ? last.sender() : conversation.participant();
        String subject = reSubject(answered.subject());
        EmailView email = sending.queueAnswer(
                tenant,
                new EmailSending.ReplyEmail(
                        conversation.campaignId(),
                        conversation.leadId(),
                        fromEmail == null || fromEmail.isBlank() ? answered.fromEmail() : fromEmail,
                        to,
                        subject,
                        bodyText,
                        inReplyTo,
                        references(ids)),
                actor);
        Instant now = clock.instant();
        ConversationMessage out = messages.save(ConversationMessage.write(
                tenant,
                id,
                new ConversationMessage.Content(
                        Direction.OUT,
                        Channel.EMAIL,
                        key != null ? key : "answer:" + email.id(),
                        email.id(),
                        answered.id(),
                        email.messageId(),
                        email.fromEmail(),
                        email.toEmail(),
                        email.subject(),
                        bodyText.strip(),
                        actor.type() == Actor.Type.USER ? uuidOrNull(actor.id()) : null,
                        actor.name(),
                        now),
                now));
        conversation.answered(out, actor, now);
        conversations.save(conversation);
        return view(tenant, out);
    }

    /** Closes the conversation (nothing waits any more); closing it again changes nothing. 404 when unknown. */
    @Transactional
    public ConversationView close(TenantId tenant, UserId user, UUID id, Actor actor) {
        Conversation conversation = load(tenant, id);
        if (conversation.close(actor, clock.instant())) {
            conversations.save(conversation);
        }
        return get(tenant, user, id).conversation();
    }

    /** Every message the person sent in any of their conversations, newest first (the contact's timeline). */
    @Transactional(readOnly = true)
    public List<InboundMessage> receivedFrom(TenantId tenant, UUID contactId, int limit) {
        return jdbc.sql("""
                select m.conversation_id, m.subject, m.body_text, m.occurred_at, c.lead_id, c.campaign_id
                from conversation_messages m join conversations c on c.tenant_id = m.tenant_id
                  and c.id = m.conversation_id
                where m.tenant_id = ? and c.contact_id = ? and m.direction = 'IN'
                order by m.occurred_at desc limit ?""")
                .params(tenant.value(), contactId, limit)
                .query((rs, n) -> new InboundMessage(
                        rs.getObject("conversation_id", UUID.class),
                        rs.getString("subject"),
                        rs.getString("body_text"),
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getObject("lead_id", UUID.class),
                        rs.getObject("campaign_id", UUID.class)))
                .list();
    }

    /** A message a person sent us, for their contact's timeline. */
    public record InboundMessage(
            UUID conversationId, String subject, String bodyText, Instant at, UUID leadId, UUID campaignId) {}

    private Conversation load(TenantId tenant, UUID id) {
        return conversations
                .findByTenantIdAndId(tenant, id)
                .orElseThrow(() -> ApiException.notFound("Conversation", id));
    }

    private MessageView view(TenantId tenant, ConversationMessage m) {
        String status = "RECEIVED";
        String reason = null;
        if (m.direction() == Direction.OUT && m.emailId() != null) {
            try {
                EmailView email = emails.get(tenant, m.emailId());
                status = email.status().name();
                reason = email.reason();
            } catch (ApiException e) {
                status = "UNKNOWN";
            }
        }
        return new MessageView(
                m.id(),
                m.conversationId(),
                m.direction(),
                m.channel(),
                m.subject(),
                m.bodyText(),
                m.sender(),
                m.recipient(),
                m.emailId(),
                m.answersEmailId(),
                status,
                reason,
                m.authorName(),
                m.occurredAt());
    }

    static String reSubject(String subject) {
        String s = subject == null ? "" : subject.strip();
        return s.regionMatches(true, 0, "re:", 0, 3) ? s : "Re: " + s;
    }

    /** The References header: the first Message-ID and the most recent ones, at most ten (RFC 5322 3.6.4). */
    static String references(Set<String> ids) {
        List<String> all = new ArrayList<>(ids);
        if (all.size() > 10) {
            List<String> kept = new ArrayList<>();
            kept.add(all.get(0));
            kept.addAll(all.subList(all.size() - 9, all.size()));
            all = kept;
        }
        return String.join(" ", all);
    }

    private static UUID uuidOrNull(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static final String SELECT = """
            select c.*, (c.last_inbound_at is not null and not exists (select 1 from conversation_reads r
                where r.tenant_id = c.tenant_id and r.conversation_id = c.id and r.user_id = :user
                  and r.read_at >= c.last_inbound_at)) as unread
            from conversations c""";

    private record Row(
            UUID id,
            UUID contactId,
            UUID campaignId,
            UUID leadId,
            String participant,
            String subject,
            ConversationStatus status,
            String lastPreview,
            int messageCount,
            Instant lastMessageAt,
            Instant lastInboundAt,
            boolean unread,
            Instant createdAt,
            Channel channel,
            UUID assigneeId,
            String assigneeName) {}

    private static Row row(ResultSet rs, int n) throws SQLException {
        Timestamp inbound = rs.getTimestamp("last_inbound_at");
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getObject("contact_id", UUID.class),
                rs.getObject("campaign_id", UUID.class),
                rs.getObject("lead_id", UUID.class),
                rs.getString("participant"),
                rs.getString("subject"),
                ConversationStatus.valueOf(rs.getString("status")),
                rs.getString("last_preview"),
                rs.getInt("message_count"),
                rs.getTimestamp("last_message_at").toInstant(),
                inbound == null ? null : inbound.toInstant(),
                rs.getBoolean("unread"),
                rs.getTimestamp("created_at").toInstant(),
                Channel.valueOf(rs.getString("channel")),
                rs.getObject("assignee_id", UUID.class),
                rs.getString("assignee_name"));
    }

    /** Names of contacts and campaigns, each looked up once per call through their modules' facades. */
    private final class Names {
        private final TenantId tenant;
        private final Map<UUID, String> contactNames = new HashMap<>();
        private final Map<UUID, String> campaignNames = new HashMap<>();

        Names(TenantId tenant) {
            this.tenant = tenant;
        }

        ConversationView view(Row r) {
            String contact = contactNames.computeIfAbsent(r.contactId(), id -> {
                try {
                    return contacts.get(tenant, id).displayName();
                } catch (ApiException e) {
                    return null;
                }
            });
            String campaign = r.campaignId() == null
                    ? null
                    : campaignNames.computeIfAbsent(r.campaignId(), id -> {
                        try {
                            return campaigns.get(tenant, id).name();
                        } catch (ApiException e) {
                            return null;
                        }
                    });
            return new ConversationView(
                    r.id(),
                    r.contactId(),
                    contact,
                    r.campaignId(),
                    campaign,
                    r.leadId(),
                    r.participant(),
                    r.subject(),
                    r.status(),
                    r.lastPreview(),
                    r.messageCount(),
                    r.lastMessageAt(),
                    r.lastInboundAt(),
                    r.unread(),
                    r.createdAt(),
                    r.channel(),
                    r.channel() == Channel.WHATSAPP ? r.participant() : null,
                    r.assigneeId(),
                    r.assigneeName(),
                    r.channel() == Channel.WHATSAPP && r.lastInboundAt() != null
                            ? r.lastInboundAt().plus(java.time.Duration.ofHours(24))
                            : null);
        }
    }
}
