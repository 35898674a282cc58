package ai.revo.missioncontrol.outbound;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.safety.Channel;
import java.time.Duration;
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
 * FAILED; a message found SENDING long after its provider call started (its node died mid-send) becomes UNKNOWN
 * and is never sent again automatically: a person marks it sent or sends it again.
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
    private String resolution;
    private String resolvedBy;
    private Instant resolvedAt;

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
            String resolution,
            String resolvedBy,
            Instant resolvedAt,
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
        this.resolution = resolution;
        this.resolvedBy = resolvedBy;
        this.resolvedAt = resolvedAt;
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
        requireOutcomePending();
        providerMessageId = delivery.providerMessageId();
        providerResponse = delivery.response();
        sentAt = now;
        status = OutboundStatus.SENT;
        updatedAt = now;
        registerEvent(OutboundDecided.of(this, actor));
    }

    void failed(String error, Actor actor, Instant now) {
        requireOutcomePending();
        status = OutboundStatus.FAILED;
        reason = error;
        updatedAt = now;
        registerEvent(OutboundDecided.of(this, actor));
    }

    /**
     * The provider's answer may still arrive after the message was declared UNKNOWN (a slow node, not a dead one):
     * what actually happened then replaces the uncertainty, unless a person has already decided about it.
     */
    private void requireOutcomePending() {
        if (status != OutboundStatus.SENDING && !(status == OutboundStatus.UNKNOWN && resolution == null)) {
            throw new IllegalStateException("Message " + id + " is " + status + ", not SENDING");
        }
    }

    /** Whether the provider call started longer ago than {@code after} and its outcome was never recorded. */
    boolean outcomeOverdue(Instant now, Duration after) {
        return status == OutboundStatus.SENDING
                && updatedAt != null
                && updatedAt.plus(after).isBefore(now);
    }

    /**
     * SENDING → UNKNOWN: the provider call started (at {@code decidedAt}) and no outcome was ever recorded, so the
     * message may or may not have gone out. It is never sent again by itself; a person decides.
     */
    void outcomeLost(Instant now) {
        if (status != OutboundStatus.SENDING) {
            throw new IllegalStateException("Message " + id + " is " + status + ", not SENDING");
        }
        status = OutboundStatus.UNKNOWN;
        reason = "The provider call started at " + decidedAt
                + " but its outcome was never recorded (its node stopped): it may or may not have gone out";
        updatedAt = now;
        registerEvent(new OutboundOutcomeLost(tenantId.value(), view(), Actor.system()));
    }

    /**
     * SENDING → UNKNOWN: the provider was handed the whole message and its answer never came (a timeout or a reset
     * after the end of the data), so it may or may not have gone out. Never retried by itself; a person decides.
     */
    void outcomeUncertain(String why, Instant now) {
        if (status != OutboundStatus.SENDING) {
            throw new IllegalStateException("Message " + id + " is " + status + ", not SENDING");
        }
        status = OutboundStatus.UNKNOWN;
        reason = why;
        updatedAt = now;
        registerEvent(new OutboundOutcomeLost(tenantId.value(), view(), Actor.system()));
    }

    /** A person states that the UNKNOWN message did go out. */
    void markSent(Actor actor, Instant now) {
        requireUnresolvedUnknown();
        OutboundView before = view();
        status = OutboundStatus.SENT;
        resolution = "MARKED_SENT";
        resolvedBy = actor.name();
        resolvedAt = now;
        updatedAt = now;
        registerEvent(new OutboundResolved(tenantId.value(), before, view(), actor));
    }

    /** A person chooses to send the UNKNOWN message again; it stays UNKNOWN (it may have gone out), resolved. */
    void sendAgain(Actor actor, Instant now) {
        requireUnresolvedUnknown();
        OutboundView before = view();
        resolution = "SENT_AGAIN";
        resolvedBy = actor.name();
        resolvedAt = now;
        updatedAt = now;
        registerEvent(new OutboundResolved(tenantId.value(), before, view(), actor));
    }

    private void requireUnresolvedUnknown() {
        if (status != OutboundStatus.UNKNOWN || resolution != null) {
            throw new ai.revo.missioncontrol.platform.ApiException(
                    ai.revo.missioncontrol.platform.ErrorCode.CONFLICT,
                    resolution != null
                            ? "A person already decided about this message: " + resolution
                            : "Only a message whose outcome is UNKNOWN can be marked sent or sent again; this one is "
                                    + status);
        }
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
                sentAt,
                resolution,
                resolvedBy,
                resolvedAt);
    }
}
