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
    private String deliveryStatus;
    private String deliveryError;
    private Instant deliveredAt;
    private Instant readAt;
    private final String template;

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
            String deliveryStatus,
            String deliveryError,
            Instant deliveredAt,
            Instant readAt,
            String template,
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
        this.deliveryStatus = deliveryStatus;
        this.deliveryError = deliveryError;
        this.deliveredAt = deliveredAt;
        this.readAt = readAt;
        this.template = template;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    void simulate(Actor actor, Instant now) {
        finish(OutboundStatus.SIMULATED, "Dry run is on: recorded, not sent", now, actor);
    }

    void simulateOnly(Actor actor, Instant now) {
        finish(OutboundStatus.SIMULATED, "Simulator conversation: recorded, never sent", now, actor);
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
     * The provider refused the message for a reason the gateway knows (outside the customer-care window, the
     * account's token rejected): a final status of its own instead of a plain FAILED.
     */
    void refusedByProvider(OutboundStatus refused, String why, Actor actor, Instant now) {
        requireOutcomePending();
        status = refused;
        reason = why;
        updatedAt = now;
        registerEvent(OutboundDecided.of(this, actor));
    }

    private static final java.util.List<String> RECEIPT_ORDER = java.util.List.of("SENT", "DELIVERED", "READ");

    /**
     * A delivery receipt from the provider (SENT, DELIVERED, READ or FAILED with its error). Receipts arrive in any
     * order and more than once: a message only moves forward (read is never undone by a late delivered), and a
     * FAILED receipt makes a sent message FAILED with the provider's error. Returns whether anything changed.
     */
    boolean receipt(String receipt, String error, Instant at, Instant now) {
        if (status != OutboundStatus.SENT && status != OutboundStatus.UNKNOWN && status != OutboundStatus.SENDING) {
            return false;
        }
        if ("FAILED".equals(receipt)) {
            if ("FAILED".equals(deliveryStatus)) {
                return false;
            }
            deliveryStatus = "FAILED";
            deliveryError = error;
            status = OutboundStatus.FAILED;
            reason = error == null ? "The provider could not deliver the message" : error;
            updatedAt = now;
            registerEvent(new OutboundReceiptRecorded(tenantId.value(), view()));
            return true;
        }
        int rank = RECEIPT_ORDER.indexOf(receipt);
        if (rank < 0 || "FAILED".equals(deliveryStatus)) {
            return false;
        }
        int current = deliveryStatus == null ? -1 : RECEIPT_ORDER.indexOf(deliveryStatus);
        if (rank <= current) {
            return false;
        }
        deliveryStatus = receipt;
        if (rank >= 1 && deliveredAt == null) {
            deliveredAt = at;
        }
        if (rank == 2) {
            readAt = at;
        }
        if (status != OutboundStatus.SENT) {
            // the provider confirms what we could not record: it went out
            status = OutboundStatus.SENT;
            sentAt = sentAt == null ? at : sentAt;
        }
        updatedAt = now;
        registerEvent(new OutboundReceiptRecorded(tenantId.value(), view()));
        return true;
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
        return new OutboundMessage(
                channel,
                to,
                subject,
                body,
                campaignId,
                leadId,
                draftId,
                idempotencyKey,
                actor,
                null,
                OutboundMessage.WhatsAppParts.decode(template));
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
                resolvedAt,
                deliveryStatus,
                deliveryError,
                deliveredAt,
                readAt);
    }
}
