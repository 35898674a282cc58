package ai.revo.missioncontrol.conversations;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.safety.Channel;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One message of a conversation, in or out, on one channel. A message is a fact: once written it does not change
 * (what became of an email we sent is the email's own status, read from the email module).
 */
@Table("conversation_messages")
class ConversationMessage extends AbstractAggregateRoot<ConversationMessage> {

    static final int MAX_TEXT = 100_000;

    @Id
    private final UUID id;

    private final TenantId tenantId;
    private final UUID conversationId;
    private final Direction direction;
    private final Channel channel;
    private final String externalKey;
    private final UUID emailId;
    private final UUID answersEmailId;
    private final String headerMessageId;
    private final String sender;
    private final String recipient;
    private final String subject;
    private final String bodyText;
    private final UUID authorId;
    private final String authorName;
    private final Instant occurredAt;
    private final String messageType;
    private final String payload;
    private String providerMessageId;
    private UUID outboundMessageId;

    @Version
    private Long version;

    private final Instant createdAt;
    private final Instant updatedAt;

    @PersistenceCreator
    ConversationMessage(
            UUID id,
            TenantId tenantId,
            UUID conversationId,
            Direction direction,
            Channel channel,
            String externalKey,
            UUID emailId,
            UUID answersEmailId,
            String headerMessageId,
            String sender,
            String recipient,
            String subject,
            String bodyText,
            UUID authorId,
            String authorName,
            Instant occurredAt,
            String messageType,
            String payload,
            String providerMessageId,
            UUID outboundMessageId,
            Long version,
            Instant createdAt,
            Instant updatedAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.conversationId = conversationId;
        this.direction = direction;
        this.channel = channel;
        this.externalKey = externalKey;
        this.emailId = emailId;
        this.answersEmailId = answersEmailId;
        this.headerMessageId = headerMessageId;
        this.sender = sender;
        this.recipient = recipient;
        this.subject = subject;
        this.bodyText = bodyText == null ? "" : bodyText;
        this.authorId = authorId;
        this.authorName = authorName;
        this.occurredAt = occurredAt;
        this.messageType = messageType == null ? "text" : messageType;
        this.payload = payload;
        this.providerMessageId = providerMessageId;
        this.outboundMessageId = outboundMessageId;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /** What a new message says and where it came from; {@code externalKey} makes recording it idempotent. */
    record Content(
            Direction direction,
            Channel channel,
            String externalKey,
            UUID emailId,
            UUID answersEmailId,
            String headerMessageId,
            String sender,
            String recipient,
            String subject,
            String bodyText,
            UUID authorId,
            String authorName,
            Instant occurredAt,
            String messageType,
            String payload,
            String providerMessageId) {

        Content(
                Direction direction,
                Channel channel,
                String externalKey,
                UUID emailId,
                UUID answersEmailId,
                String headerMessageId,
                String sender,
                String recipient,
                String subject,
                String bodyText,
                UUID authorId,
                String authorName,
                Instant occurredAt) {
            this(
                    direction,
                    channel,
                    externalKey,
                    emailId,
                    answersEmailId,
                    headerMessageId,
                    sender,
                    recipient,
                    subject,
                    bodyText,
                    authorId,
                    authorName,
                    occurredAt,
                    "text",
                    null,
                    null);
        }
    }

    static ConversationMessage write(TenantId tenant, UUID conversationId, Content c, Instant now) {
        String text = c.bodyText() == null ? "" : c.bodyText();
        return new ConversationMessage(
                UUID.randomUUID(),
                tenant,
                conversationId,
                c.direction(),
                c.channel(),
                c.externalKey(),
                c.emailId(),
                c.answersEmailId(),
                c.headerMessageId(),
                c.sender(),
                c.recipient(),
                c.subject(),
                text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text,
                c.authorId(),
                c.authorName(),
                c.occurredAt() == null ? now : c.occurredAt(),
                c.messageType(),
                c.payload(),
                c.providerMessageId(),
                null,
                null,
                now,
                now);
    }

    UUID id() {
        return id;
    }

    UUID conversationId() {
        return conversationId;
    }

    Direction direction() {
        return direction;
    }

    Channel channel() {
        return channel;
    }

    UUID emailId() {
        return emailId;
    }

    UUID answersEmailId() {
        return answersEmailId;
    }

    String headerMessageId() {
        return headerMessageId;
    }

    String sender() {
        return sender;
    }

    String recipient() {
        return recipient;
    }

    String subject() {
        return subject;
    }

    String bodyText() {
        return bodyText;
    }

    String authorName() {
        return authorName;
    }

    Instant occurredAt() {
        return occurredAt;
    }

    String externalKey() {
        return externalKey;
    }

    String messageType() {
        return messageType;
    }

    String payload() {
        return payload;
    }

    String providerMessageId() {
        return providerMessageId;
    }

    UUID outboundMessageId() {
        return outboundMessageId;
    }

    Instant createdAt() {
        return createdAt;
    }

    /** The gateway took the message: the outbound message that carries it and the provider's id once sent. */
    void handedToGateway(UUID outboundId, String providerId) {
        outboundMessageId = outboundId;
        providerMessageId = providerId;
    }
}
