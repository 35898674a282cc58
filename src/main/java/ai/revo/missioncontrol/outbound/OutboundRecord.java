package ai.revo.missioncontrol.outbound;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.safety.Channel;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One message through the gateway. It moves once from PENDING to a final status, or through SENDING to SENT or
 * FAILED; a message found SENDING (its node died mid-send) is never sent again automatically.
 */
@Table("outbound_messages")
class OutboundRecord extends AbstractAggregateRoot<OutboundRecord> {

    @Id
    private final UUID id;

    private final TenantId tenantId;
    private final String idempotencyKey;
    private final String requestHash;
    private final Channel channel;

    @Column("to_address")
    private final String to;

    private final String subject;
    private final String body;
    private final UUID campaignId;
    private final UUID leadId;
    private final UUID draftId;
    private final String sender;
    private OutboundStatus status;
    private String reason;
    private String providerMessageId;
    private String providerResponse;
    private final String requestedBy;
    private Instant decidedAt;
    private Instant sentAt;

    @Version
    private Long version;

    private final Instant createdAt;
    private Instant updatedAt;

    @PersistenceCreator
    OutboundRecord(
            UUID id,
            TenantId tenantId,
            String idempotencyKey,
            String requestHash,
            Channel channel,
            String to,
            String subject,
            String body,
            UUID campaignId,
            UUID leadId,
            UUID draftId,
            String sender,
            OutboundStatus status,
            String reason,
            String providerMessageId,
            String providerResponse,
            String requestedBy,
            Instant decidedAt,
            Instant sentAt,
            Long version,
            Instant createdAt,
            Instant updatedAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.idempotencyKey = idempotencyKey;
        this.requestHash = requestHash;
        this.channel = channel;
        this.to = to;
        this.subject = subject;
        this.body = body;
        this.campaignId = campaignId;
        this.leadId = leadId;
        this.draftId = draftId;
        this.sender = sender;
        this.status = status;
        this.reason = reason;
        this.providerMessageId = providerMessageId;
        this.providerResponse = providerResponse;
        this.requestedBy = requestedBy;
        this.decidedAt = decidedAt;
        this.sentAt = sentAt;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    void simulate(Actor actor, Instant now) {
        finish(OutboundStatus.SIMULATED, "Dry run is on: recorded, not sent", now, actor);
    }

    void block(OutboundStatus blocked, String why, Actor actor, Instant now) {
        if (!blocked.isBlocked()) {
            throw new IllegalArgumentException(blocked + " is not a blocked status");
        }
        finish(blocked, why, now, actor);
    }

    void startSending(Instant now) {
        requirePending();
        status = OutboundStatus.SENDING;
        decidedAt = now;
        updatedAt = now;
    }

    void delivered(ChannelAdapter.Delivery delivery, Actor actor, Instant now) {
        if (status != OutboundStatus.SENDING) {
            throw new IllegalStateException("Message " + id + " is " + status + ", not SENDING");
        }
        providerMessageId = delivery.providerMessageId();
        providerResponse = delivery.response();
        sentAt = now;
        status = OutboundStatus.SENT;
        updatedAt = now;
        registerEvent(OutboundDecided.of(this, actor));
    }

    void failed(String error, Actor actor, Instant now) {
        if (status != OutboundStatus.SENDING) {
            throw new IllegalStateException("Message " + id + " is " + status + ", not SENDING");
        }
        status = OutboundStatus.FAILED;
        reason = error;
        updatedAt = now;
        registerEvent(OutboundDecided.of(this, actor));
    }

    private void finish(OutboundStatus final_, String why, Instant now, Actor actor) {
        requirePending();
        status = final_;
        reason = why;
        decidedAt = now;
        updatedAt = now;
        registerEvent(OutboundDecided.of(this, actor));
    }

    private void requirePending() {
        if (status != OutboundStatus.PENDING) {
            throw new IllegalStateException("Message " + id + " was already decided: " + status);
        }
    }

    boolean sameRequest(String hash) {
        return requestHash.equals(hash);
    }

    OutboundStatus status() {
        return status;
    }

    TenantId tenantId() {
        return tenantId;
    }

    String sender() {
        return sender;
    }

    OutboundMessage message(Actor actor) {
        return new OutboundMessage(channel, to, subject, body, campaignId, leadId, draftId, idempotencyKey, actor);
    }

    OutboundView view() {
        return new OutboundView(
                id,
                idempotencyKey,
                channel,
                to,
                subject,
                body,
                campaignId,
                leadId,
                draftId,
                status,
                reason,
                providerMessageId,
                providerResponse,
                requestedBy,
                createdAt,
                decidedAt,
                sentAt);
    }
}
