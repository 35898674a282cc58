package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.contacts.LeadManagement;
import ai.revo.missioncontrol.contacts.LeadStatus;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.outbound.OutboundGateway;
import ai.revo.missioncontrol.outbound.OutboundLog;
import ai.revo.missioncontrol.outbound.OutboundOutcomeLost;
import ai.revo.missioncontrol.outbound.OutboundResolved;
import ai.revo.missioncontrol.outbound.OutboundView;
import ai.revo.missioncontrol.outbound.SendAgainHandler;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorCode;
import ai.revo.missioncontrol.platform.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Emails whose delivery is uncertain. An attempt whose SMTP conversation started and never recorded an outcome
 * becomes UNKNOWN (with its attempt row), never SENT: the worker does this when it finds the gateway reporting the
 * attempt UNKNOWN, and so does the listener of {@link OutboundOutcomeLost} when the gateway's own check got there
 * first. A person then decides, here or on the outbound page (both end in the gateway's decision and its event):
 * "mark as sent" makes the email SENT; "send again" queues its next attempt, through the send window, caps and the
 * gateway like any other, with the same Message-ID (so a receiving system that did get the first one can tell).
 */
@Service
public class UncertainEmails implements SendAgainHandler {

    private static final String KEY_PREFIX = "email:";

    private final EmailStore store;
    private final EmailQueue queue;
    private final OutboundGateway gateway;
    private final OutboundLog outbound;
    private final LeadManagement leads;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    UncertainEmails(
            EmailStore store,
            EmailQueue queue,
            OutboundGateway gateway,
            OutboundLog outbound,
            LeadManagement leads,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.store = store;
        this.queue = queue;
        this.gateway = gateway;
        this.outbound = outbound;
        this.leads = leads;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** The email module's messages carry the key {@code email:<emailId>:<attempt>}; it sends them again itself. */
    @Override
    public boolean sendsAgainItself(OutboundView message) {
        return attemptOf(message.idempotencyKey()).isPresent();
    }

    /**
     * A person states the UNKNOWN email did arrive: it becomes SENT (audited, {@code email.marked_sent}). 404 for an
     * unknown email, 409 CONFLICT when it is not UNKNOWN.
     */
    public EmailView markSent(TenantId tenant, UUID emailId, Actor actor) {
        gateway.markSent(tenant, unknownAttempt(tenant, emailId).id(), actor);
        return TenantContext.callAs(
                tenant.value(),
                () -> tx.execute(s -> {
                    resolve(tenant, emailId, true, actor);
                    return store.find(tenant, emailId).orElseThrow().view();
                }));
    }

    /**
     * A person chooses to send the UNKNOWN email again: it is queued for its next attempt (audited,
     * {@code email.sent_again}). 404 for an unknown email, 409 CONFLICT when it is not UNKNOWN.
     */
    public EmailView sendAgain(TenantId tenant, UUID emailId, Actor actor) {
        gateway.sendAgain(tenant, unknownAttempt(tenant, emailId).id(), actor);
        return TenantContext.callAs(
                tenant.value(),
                () -> tx.execute(s -> {
                    resolve(tenant, emailId, false, actor);
                    return store.find(tenant, emailId).orElseThrow().view();
                }));
    }

    private OutboundView unknownAttempt(TenantId tenant, UUID emailId) {
        EmailView email = TenantContext.callAs(
                tenant.value(),
                () -> tx.execute(s -> store.find(tenant, emailId)
                        .orElseThrow(() -> ApiException.notFound("Email", emailId))
                        .view()));
        if (email.status() != EmailStatus.UNKNOWN) {
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    "Only an email whose outcome is UNKNOWN can be marked sent or sent again; this one is "
                            + email.status());
        }
        return outbound.byIdempotencyKey(tenant, KEY_PREFIX + emailId + ":" + email.attempts())
                .orElseThrow(() -> new ApiException(
                        ErrorCode.CONFLICT, "The outbound gateway has no record of this email's last attempt"));
    }

    // after the gateway's commit, in a transaction of their own; idempotent (the registry may deliver them again)
    @Async
    @TransactionalEventListener
    void on(OutboundOutcomeLost lost) {
        attemptOf(lost.message().idempotencyKey()).ifPresent(a -> {
            TenantId tenant = TenantId.of(lost.tenantId().toString());
            TenantContext.runAs(
                    tenant.value(),
                    () -> tx.executeWithoutResult(s -> {
                        EmailStore.EmailRow row =
                                store.lock(tenant, a.emailId()).orElse(null);
                        if (row != null
                                && row.view().status() == EmailStatus.SENDING
                                && row.view().attempts() == a.attempt()) {
                            outcomeLost(
                                    tenant,
                                    row.view(),
                                    a.attempt(),
                                    lost.message().reason());
                        }
                    }));
        });
    }

    @Async
    @TransactionalEventListener
    void on(OutboundResolved resolved) {
        attemptOf(resolved.message().idempotencyKey()).ifPresent(a -> {
            TenantId tenant = TenantId.of(resolved.tenantId().toString());
            TenantContext.runAs(
                    tenant.value(),
                    () -> tx.executeWithoutResult(
                            s -> resolve(tenant, a.emailId(), resolved.markedSent(), resolved.actor())));
        });
    }

    /** In the caller's transaction, the email row locked by the caller: SENDING → UNKNOWN, with its attempt. */
    void outcomeLost(TenantId tenant, EmailView email, int attempt, String why) {
        Instant now = clock.instant();
        String reason = "Outcome unknown: attempt " + attempt + " started its SMTP conversation and no answer was "
                + "recorded (its node stopped); it may or may not have arrived. Mark it sent or send it again.";
        store.finishAttempt(tenant, email.id(), attempt, "UNKNOWN", why == null ? reason : why, now);
        store.status(tenant, email.id(), EmailStatus.UNKNOWN, reason, null, null, now);
        events.publishEvent(new EmailOutcomeLost(
                tenant.value(),
                email.id(),
                email.campaignId(),
                email.toEmail(),
                attempt,
                email.messageId(),
                Actor.system()));
    }

    /** Idempotent: only an email still UNKNOWN moves (a redelivered event, or both pages, change nothing more). */
    void resolveLocked(TenantId tenant, UUID emailId, boolean markedSent, Actor actor) {
        resolve(tenant, emailId, markedSent, actor);
    }

    private void resolve(TenantId tenant, UUID emailId, boolean markedSent, Actor actor) {
        EmailStore.EmailRow row = store.lock(tenant, emailId).orElse(null);
        if (row == null || row.view().status() != EmailStatus.UNKNOWN) {
            return;
        }
        EmailView email = row.view();
        Instant now = clock.instant();
        if (markedSent) {
            store.status(
                    tenant,
                    emailId,
                    EmailStatus.SENT,
                    "Marked as sent by " + actor.name() + " (the outcome of attempt " + email.attempts()
                            + " was unknown)",
                    null,
                    null,
                    now);
            if (email.leadId() != null) {
                leads.advance(tenant, email.leadId(), LeadStatus.CONTACTED, Actor.system());
            }
        } else {
            store.status(
                    tenant,
                    emailId,
                    EmailStatus.PENDING_SEND,
                    "Sent again by " + actor.name() + " (the outcome of attempt " + email.attempts() + " was unknown)",
                    now,
                    null,
                    now);
            queue.enqueue(tenant, emailId, now);
        }
        events.publishEvent(
                new EmailResolved(tenant.value(), emailId, email.campaignId(), email.toEmail(), markedSent, actor));
    }

    record Attempt(UUID emailId, int attempt) {}

    static Optional<Attempt> attemptOf(String key) {
        if (key == null || !key.startsWith(KEY_PREFIX)) {
            return Optional.empty();
        }
        String[] parts = key.split(":");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Attempt(UUID.fromString(parts[1]), Integer.parseInt(parts[2])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
