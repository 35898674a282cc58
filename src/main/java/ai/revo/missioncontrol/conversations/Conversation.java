package ai.revo.missioncontrol.conversations;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One thread with one person about one campaign (or none). It knows whether it waits for a person: a message from
 * them makes it TO_ANSWER, an answer makes it OPEN, closing makes it CLOSED.
 */
@Table("conversations")
class Conversation extends AbstractAggregateRoot<Conversation> {

    static final int PREVIEW = 200;

    @Id
    private final UUID id;

    private final TenantId tenantId;
    private final UUID contactId;
    private final UUID campaignId;
    private final UUID leadId;
    private final String participant;
    private final String subject;
    private final ai.revo.missioncontrol.safety.Channel channel;
    private ConversationStatus status;
    private UUID assigneeId;
    private String assigneeName;
    private String lastPreview;
    private int messageCount;
    private Instant lastMessageAt;
    private Instant lastInboundAt;
    private final boolean simulated;

    @Version
    private Long version;

    private final Instant createdAt;
    private Instant updatedAt;

    @PersistenceCreator
    Conversation(
            UUID id,
            TenantId tenantId,
            UUID contactId,
            UUID campaignId,
            UUID leadId,
            String participant,
            String subject,
            ai.revo.missioncontrol.safety.Channel channel,
            ConversationStatus status,
            UUID assigneeId,
            String assigneeName,
            String lastPreview,
            int messageCount,
            Instant lastMessageAt,
            Instant lastInboundAt,
            boolean simulated,
            Long version,
            Instant createdAt,
            Instant updatedAt) {
        this.simulated = simulated;
        this.id = id;
        this.tenantId = tenantId;
        this.contactId = contactId;
        this.campaignId = campaignId;
        this.leadId = leadId;
        this.participant = participant;
        this.subject = subject;
        this.channel = channel == null ? ai.revo.missioncontrol.safety.Channel.EMAIL : channel;
        this.status = status;
        this.assigneeId = assigneeId;
        this.assigneeName = assigneeName;
        this.lastPreview = lastPreview;
        this.messageCount = messageCount;
        this.lastMessageAt = lastMessageAt;
        this.lastInboundAt = lastInboundAt;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    static Conversation start(
            TenantId tenant,
            UUID contactId,
            UUID campaignId,
            UUID leadId,
            String participant,
            String subject,
            Instant now) {
        return start(
                tenant,
                contactId,
                campaignId,
                leadId,
                participant,
                subject,
                ai.revo.missioncontrol.safety.Channel.EMAIL,
                now);
    }

    static Conversation start(
            TenantId tenant,
            UUID contactId,
            UUID campaignId,
            UUID leadId,
            String participant,
            String subject,
            ai.revo.missioncontrol.safety.Channel channel,
            Instant now) {
        return new Conversation(
                UUID.randomUUID(),
                tenant,
                contactId,
                campaignId,
                leadId,
                participant,
                subject,
                channel,
                ConversationStatus.OPEN,
                null,
                null,
                null,
                0,
                now,
                null,
                false,
                null,
                now,
                now);
    }

    /**
     * A conversation of the WhatsApp simulator: no contact, no lead, kept out of the inbox and the reports; whatever
     * is sent in it the gateway records as SIMULATED.
     */
    static Conversation simulation(TenantId tenant, UUID campaignId, String participant, Instant now) {
        return new Conversation(
                UUID.randomUUID(),
                tenant,
                null,
                campaignId,
                null,
                participant,
                null,
                ai.revo.missioncontrol.safety.Channel.WHATSAPP,
                ConversationStatus.OPEN,
                null,
                null,
                null,
                0,
                now,
                null,
                true,
                null,
                now,
                now);
    }

    boolean simulated() {
        return simulated;
    }

    /** A message we sent before the conversation existed (the email a reply answers): no change of standing. */
    void recorded(ConversationMessage message, Instant now) {
        count(message, now);
    }

    /** The person wrote: the conversation waits for someone to answer, whatever it was before. */
    void received(ConversationMessage message, Instant now) {
        count(message, now);
        if (lastInboundAt == null || message.occurredAt().isAfter(lastInboundAt)) {
            lastInboundAt = message.occurredAt();
        }
        ConversationStatus before = status;
        if (status != ConversationStatus.HUMAN) {
            status = ConversationStatus.TO_ANSWER;
        }
        registerEvent(new ConversationMessageReceived(
                tenantId.value(),
                id,
                message.id(),
                campaignId,
                contactId,
                before,
                participant,
                Actor.system(),
                channel));
    }

    /** A person answered: nothing waits any more. */
    void answered(ConversationMessage message, Actor actor, Instant now) {
        count(message, now);
        ConversationStatus before = status;
        status = ConversationStatus.OPEN;
        registerEvent(new ConversationAnswered(
                tenantId.value(), id, message.id(), message.emailId(), campaignId, before, participant, actor));
    }

    /**
     * We wrote on a channel that sends through the outbound gateway (WhatsApp): a person's message answers what
     * waited; a conversation a person took over stays theirs.
     */
    void sent(ConversationMessage message, Actor actor, Instant now) {
        count(message, now);
        ConversationStatus before = status;
        if (status == ConversationStatus.TO_ANSWER || status == ConversationStatus.CLOSED) {
            status = ConversationStatus.OPEN;
        }
        registerEvent(new ConversationAnswered(
                tenantId.value(), id, message.id(), null, campaignId, before, participant, actor));
    }

    /** A person takes the conversation over from the AI: it is theirs (HUMAN) until they hand it back. */
    void takeOver(UUID userId, String userName, Actor actor, Instant now) {
        if (status == ConversationStatus.HUMAN && userId.equals(assigneeId)) {
            return;
        }
        ConversationStatus before = status;
        status = ConversationStatus.HUMAN;
        assigneeId = userId;
        assigneeName = userName;
        updatedAt = now;
        registerEvent(new ConversationHandlingChanged(
                tenantId.value(), id, campaignId, before, status, assigneeName, participant, true, actor));
    }

    /** The person hands it back: the AI may answer again (OPEN). 409 when nobody had taken it over. */
    void handBack(Actor actor, Instant now) {
        if (status != ConversationStatus.HUMAN) {
            throw ai.revo.missioncontrol.platform.ApiException.conflict(
                    "Nobody has taken this conversation over; there is nothing to hand back");
        }
        ConversationStatus before = status;
        status = ConversationStatus.OPEN;
        String was = assigneeName;
        assigneeId = null;
        assigneeName = null;
        updatedAt = now;
        registerEvent(new ConversationHandlingChanged(
                tenantId.value(), id, campaignId, before, status, was, participant, false, actor));
    }

    /** A person closed it; closing a closed conversation changes nothing. */
    boolean close(Actor actor, Instant now) {
        if (status == ConversationStatus.CLOSED) {
            return false;
        }
        ConversationStatus before = status;
        status = ConversationStatus.CLOSED;
        updatedAt = now;
        registerEvent(new ConversationClosed(tenantId.value(), id, campaignId, before, participant, actor));
        return true;
    }

    private void count(ConversationMessage message, Instant now) {
        messageCount++;
        if (!message.occurredAt().isBefore(lastMessageAt) || messageCount == 1) {
            lastMessageAt = message.occurredAt();
            lastPreview = preview(message.bodyText());
        }
        updatedAt = now;
    }

    static String preview(String text) {
        if (text == null) {
            return null;
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= PREVIEW ? flat : flat.substring(0, PREVIEW - 1) + "…";
    }

    UUID id() {
        return id;
    }

    TenantId tenantId() {
        return tenantId;
    }

    UUID contactId() {
        return contactId;
    }

    UUID campaignId() {
        return campaignId;
    }

    UUID leadId() {
        return leadId;
    }

    String participant() {
        return participant;
    }

    String subject() {
        return subject;
    }

    ConversationStatus status() {
        return status;
    }

    ai.revo.missioncontrol.safety.Channel channel() {
        return channel;
    }

    UUID assigneeId() {
        return assigneeId;
    }

    String lastPreview() {
        return lastPreview;
    }

    int messageCount() {
        return messageCount;
    }

    Instant lastMessageAt() {
        return lastMessageAt;
    }

    Instant lastInboundAt() {
        return lastInboundAt;
    }

    Instant createdAt() {
        return createdAt;
    }
}
