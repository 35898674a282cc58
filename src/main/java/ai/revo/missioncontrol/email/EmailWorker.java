package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.campaigns.CampaignManagement;
import ai.revo.missioncontrol.campaigns.CampaignStatus;
import ai.revo.missioncontrol.campaigns.CampaignView;
import ai.revo.missioncontrol.contacts.ContactManagement;
import ai.revo.missioncontrol.contacts.LeadManagement;
import ai.revo.missioncontrol.contacts.LeadStatus;
import ai.revo.missioncontrol.contacts.LeadView;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.outbound.OutboundGateway;
import ai.revo.missioncontrol.outbound.OutboundMessage;
import ai.revo.missioncontrol.outbound.OutboundView;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.TenantContext;
import ai.revo.missioncontrol.safety.Channel;
import ai.revo.missioncontrol.safety.SafetyManagement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Performs one queued step of an email, outside any long transaction:
 * <ol>
 * <li>in a short transaction (email row locked): a paused campaign holds the email, an archived one blocks it; the
 * send window (recipient's zone, else the campaign's) and the sender's hourly and daily caps (counted in PostgreSQL,
 * serialised per sender by an advisory lock, taken shared while the count plus the most claims that could be in flight
 * unseen stays within both caps, so a blast far from its caps is not prepared one email at a time) defer it;
 * otherwise the attempt is claimed and its {@code email_logs} row written STARTED with the Message-ID, before any
 * SMTP traffic;</li>
 * <li>the message (decorated by every {@link EmailDecorator}, inside the same transaction) goes through the
 * outbound gateway with the key
 * {@code email:<id>:<attempt>}, so dry run, the EMAIL switch, global pause and suppression apply;</li>
 * <li>the outcome is recorded: SENT; SIMULATED; BLOCKED; a transient failure retried with exponential backoff up to
 * the maximum attempts, then FAILED; a permanent (5xx) failure FAILED at once with the address suppressed BOUNCED.</li>
 * </ol>
 * Reconciliation: a STARTED attempt found on a later run (its node died) is never resent blindly. While it is younger
 * than the reconcile delay (longer than the SMTP timeouts) it is left alone and looked at again later; after that the
 * same attempt is handed to the gateway again with the same idempotency key, so the gateway answers what it already
 * recorded (SENT stays SENT, nothing is sent again); an attempt whose provider call started and never recorded an
 * outcome is UNKNOWN at the gateway and so here (email and attempt): it may or may not have arrived, and waits for a
 * person ({@link UncertainEmails}); one the gateway still shows in flight is looked at again later. Only an attempt
 * the gateway never saw (the node died before calling it) is actually sent then.
 */
@Component
class EmailWorker {

    private static final Logger log = LoggerFactory.getLogger(EmailWorker.class);
    private static final Pattern SMTP_CODE = Pattern.compile("SMTP (\\d{3})");

    private final EmailStore store;
    private final EmailQueue queue;
    private final UncertainEmails uncertain;
    private final Emails emails;
    private final CampaignManagement campaigns;
    private final LeadManagement leads;
    private final ContactManagement contacts;
    private final SafetyManagement safety;
    private final OutboundGateway gateway;
    private final ai.revo.missioncontrol.drafts.DraftManagement drafts;
    private final List<EmailDecorator> decorators;
    private final List<EmailSendVeto> vetoes;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int hourlyCap;
    private final int dailyCap;
    private final int maxAttempts;
    private final Duration backoff;
    private final Duration holdRecheck;
    private final Duration reconcileAfter;
    /** Senders whose caps are checked under the exclusive lock until the instant given (they were near a cap). */
    private final java.util.concurrent.ConcurrentHashMap<String, Instant> nearTheCaps =
            new java.util.concurrent.ConcurrentHashMap<>();

    private volatile int maxConnections;

    private static final Instant NEAR_THE_CAPS = Instant.EPOCH;
    private static final Duration NEAR_THE_CAPS_FOR = Duration.ofMinutes(1);

    EmailWorker(
            EmailStore store,
            EmailQueue queue,
            UncertainEmails uncertain,
            Emails emails,
            CampaignManagement campaigns,
            LeadManagement leads,
            ContactManagement contacts,
            SafetyManagement safety,
            OutboundGateway gateway,
            ai.revo.missioncontrol.drafts.DraftManagement drafts,
            List<EmailDecorator> decorators,
            List<EmailSendVeto> vetoes,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Clock clock,
            @Value("${mc.email.hourly-cap:50}") int hourlyCap,
            @Value("${mc.email.daily-cap:400}") int dailyCap,
            @Value("${mc.email.max-attempts:3}") int maxAttempts,
            @Value("${mc.email.retry-backoff:1m}") Duration backoff,
            @Value("${mc.email.hold-recheck:1m}") Duration holdRecheck,
            @Value("${mc.email.reconcile-after:5m}") Duration reconcileAfter) {
        this.store = store;
        this.queue = queue;
        this.uncertain = uncertain;
        this.emails = emails;
        this.campaigns = campaigns;
        this.leads = leads;
        this.contacts = contacts;
        this.safety = safety;
        this.gateway = gateway;
        this.drafts = drafts;
        this.decorators = decorators;
        this.vetoes = vetoes;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.hourlyCap = hourlyCap;
        this.dailyCap = dailyCap;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.holdRecheck = holdRecheck;
        this.reconcileAfter = reconcileAfter;
    }

    /** A claimed attempt and the message it sends, decorated inside the prepare transaction. */
    private record Step(EmailStore.EmailRow email, int attempt, boolean reconcile, OutboundMessage message) {}

    /** A shared cap check found the sender too near a cap for it: the prepare step runs again, exclusively. */
    private static final class NearTheCap extends RuntimeException {
        NearTheCap() {
            super(null, null, false, false);
        }
    }

    void process(TenantId tenant, UUID emailId) {
        TenantContext.runAs(tenant.value(), () -> {
            Step prepared;
            try {
                prepared = tx.execute(s -> prepare(tenant, emailId, false));
            } catch (NearTheCap e) {
                prepared = tx.execute(s -> prepare(tenant, emailId, true));
            }
            Step step = prepared;
            if (step == null) {
                return;
            }
            Instant began = clock.instant();
            OutboundView outcome = gateway.submit(tenant, step.message());
            boolean suppress = recordOutcome(tenant, step, outcome, began);
            if (suppress) {
                try {
                    if (!safety.isSuppressed(
                            tenant, Channel.EMAIL, step.email().view().toEmail())) {
                        safety.suppress(
                                tenant,
                                Channel.EMAIL,
                                step.email().view().toEmail(),
                                "BOUNCED",
                                "Permanent SMTP failure: " + EmailStore.truncate(String.valueOf(outcome.reason()), 400),
                                Actor.system());
                    }
                } catch (ApiException e) {
                    log.info("Could not suppress {}: {}", step.email().view().toEmail(), e.getMessage());
                }
            }
        });
    }

    /**
     * Records the outcome in its own transaction, again when it lost a race on a row other emails touch too (two
     * emails of one lead sent at the same moment both move the lead): the whole transaction rolled back, and the
     * email's row is locked and its status checked again, so recording twice is impossible.
     */
    private boolean recordOutcome(TenantId tenant, Step step, OutboundView outcome, Instant began) {
        for (int tries = 1; ; tries++) {
            try {
                return Boolean.TRUE.equals(tx.execute(s -> record(tenant, step, outcome, began)));
            } catch (org.springframework.dao.OptimisticLockingFailureException e) {
                if (tries >= 5) {
                    throw e;
                }
            }
        }
    }

    private Step prepare(TenantId tenant, UUID emailId, boolean exclusive) {
        EmailStore.EmailRow row = store.lock(tenant, emailId).orElse(null);
        if (row == null) {
            return null;
        }
        EmailView email = row.view();
        if (email.status() != EmailStatus.PENDING_SEND && email.status() != EmailStatus.SENDING) {
            return null;
        }
        Instant now = clock.instant();
        var unfinished = store.unfinishedAttempt(tenant, emailId);
        if (unfinished.isPresent()) {
            Instant settled = unfinished.get().startedAt().plus(reconcileAfter);
            if (now.isBefore(settled)) {
                queue.enqueue(tenant, emailId, settled);
                return null;
            }
            int attempt = unfinished.get().attempt();
            return new Step(row, attempt, true, message(tenant, row, attempt));
        }
        CampaignView campaign = campaign(tenant, email.campaignId());
        if (campaign != null && campaign.status() == CampaignStatus.PAUSED) {
            hold(tenant, email, "Held: the campaign is paused", now.plus(holdRecheck), now);
            return null;
        }
        if (campaign != null
                && (campaign.status() == CampaignStatus.ARCHIVED || campaign.status() == CampaignStatus.COMPLETED)) {
            // a finished campaign sends nothing more, queued emails included
            String why = "The campaign is " + campaign.status().name().toLowerCase(java.util.Locale.ROOT);
            store.status(tenant, emailId, EmailStatus.BLOCKED, why, null, null, now);
            publish(tenant, email, EmailChanged.FAILED, Map.of("status", "BLOCKED", "reason", why));
            return null;
        }
        if ("APPROVAL".equals(email.source())
                && email.draftId() != null
                && !drafts.isApprovedContent(
                        tenant, email.draftId(), email.subject(), row.bodyText(), row.bodyHtml())) {
            // what the approver saw is what is sent: anything else is refused (tracking is added after this check)
            String why = "Refused: the content differs from the version the approver approved";
            store.status(tenant, emailId, EmailStatus.BLOCKED, why, null, null, now);
            publish(tenant, email, EmailChanged.FAILED, Map.of("status", "BLOCKED", "reason", why));
            return null;
        }
        for (EmailSendVeto veto : vetoes) {
            // under the email's row lock: a veto that commits first blocks the attempt; after it, the attempt has begun
            java.util.Optional<String> why = veto.refusal(tenant, email);
            if (why.isPresent()) {
                store.status(tenant, emailId, EmailStatus.BLOCKED, why.get(), null, null, now);
                publish(tenant, email, EmailChanged.FAILED, Map.of("status", "BLOCKED", "reason", why.get()));
                return null;
            }
        }
        if (campaign != null && !row.bypassWindow()) {
            EmailSettings.SendWindow window =
                    emails.settings(tenant, campaign.id()).sendWindow();
            if (window != null) {
                Instant opens = window.nextOpening(now, zoneOf(tenant, email, campaign));
                if (opens.isAfter(now)) {
                    hold(tenant, email, "Waiting for the send window", opens, now);
                    return null;
                }
            }
        }
        String sender = email.fromEmail().toLowerCase(java.util.Locale.ROOT);
        Instant nearUntil = nearTheCaps.get(sender);
        boolean shared = !exclusive && (nearUntil == null || !now.isBefore(nearUntil));
        store.lockSender(sender, !shared);
        Instant capFree = capFree(tenant, email.fromEmail(), now, shared ? maxConnections() : 0);
        if (capFree == NEAR_THE_CAPS) {
            // far from certain under a shared lock: counted again under the exclusive one, and so for a while
            nearTheCaps.put(sender, now.plus(NEAR_THE_CAPS_FOR));
            throw new NearTheCap();
        }
        if (capFree != null) {
            hold(tenant, email, "Waiting: the sender's hourly or daily cap is reached", capFree, now);
            return null;
        }
        int attempt = email.attempts() + 1;
        store.startAttempt(tenant, emailId, attempt, email.messageId(), now);
        // the decorators' reads (sender identity, tracking settings and keys, thread headers) run in this
        // transaction instead of one read-only transaction each; only reads, no I/O outside PostgreSQL
        return new Step(row, attempt, false, message(tenant, row, attempt));
    }

    /**
     * Null when the sender may send now; otherwise when a slot frees up. With {@code unseen} above zero (a shared
     * lock: up to that many other claims may be in flight, uncommitted), {@link #NEAR_THE_CAPS} when the count plus
     * that bound could pass a cap, so that only an exclusive check may decide.
     */
    private Instant capFree(TenantId tenant, String from, Instant now, int unseen) {
        Instant hourAgo = now.minus(Duration.ofHours(1));
        Instant dayAgo = now.minus(Duration.ofDays(1));
        long[] sent = store.sentInWindows(tenant, from, hourAgo, dayAgo);
        if (unseen > 0) {
            return sent[0] + unseen <= hourlyCap && sent[1] + unseen <= dailyCap ? null : NEAR_THE_CAPS;
        }
        if (sent[0] >= hourlyCap) {
            return store.oldestSentSince(tenant, from, hourAgo)
                    .map(t -> t.plus(Duration.ofHours(1)))
                    .filter(t -> t.isAfter(now))
                    .orElse(now.plusSeconds(60));
        }
        if (sent[1] >= dailyCap) {
            return store.oldestSentSince(tenant, from, dayAgo)
                    .map(t -> t.plus(Duration.ofDays(1)))
                    .filter(t -> t.isAfter(now))
                    .orElse(now.plusSeconds(60));
        }
        return null;
    }

    /** The bound of uncommitted claims under a shared lock: the server's connection limit, read once. */
    private int maxConnections() {
        int n = maxConnections;
        if (n == 0) {
            n = store.maxConnections();
            maxConnections = n;
        }
        return n;
    }

    private void hold(TenantId tenant, EmailView email, String why, Instant until, Instant now) {
        if (email.status() == EmailStatus.SENDING) {
            store.status(tenant, email.id(), EmailStatus.PENDING_SEND, why, until, null, now);
        } else {
            store.defer(tenant, email.id(), why, until, now);
        }
        queue.enqueue(tenant, email.id(), until);
    }

    private ZoneId zoneOf(TenantId tenant, EmailView email, CampaignView campaign) {
        if (email.leadId() != null) {
            try {
                LeadView lead = leads.get(tenant, email.leadId());
                String zone = lead.contactId() == null
                        ? null
                        : contacts.get(tenant, lead.contactId()).timezone();
                if (zone != null && !zone.isBlank()) {
                    return ZoneId.of(zone);
                }
            } catch (ApiException | java.time.DateTimeException e) {
                // no such lead or an unknown zone: the campaign's zone applies
            }
        }
        try {
            return ZoneId.of(campaign.timezone());
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }

    private CampaignView campaign(TenantId tenant, UUID campaignId) {
        if (campaignId == null) {
            return null;
        }
        try {
            return campaigns.get(tenant, campaignId);
        } catch (ApiException e) {
            return null;
        }
    }

    private OutboundMessage message(TenantId tenant, EmailStore.EmailRow row, int attempt) {
        EmailView email = row.view();
        String html = row.bodyHtml();
        String text = row.bodyText();
        Map<String, String> headers = new LinkedHashMap<>();
        for (EmailDecorator decorator : decorators) {
            EmailDecorator.Decorated d = decorator.decorate(tenant, email, html, text);
            html = d.html();
            text = d.text();
            if (d.headers() != null) {
                headers.putAll(d.headers());
            }
        }
        return new OutboundMessage(
                Channel.EMAIL,
                email.toEmail(),
                email.subject(),
                text,
                email.campaignId(),
                email.leadId(),
                email.draftId(),
                "email:" + email.id() + ":" + attempt,
                Actor.system(),
                new OutboundMessage.EmailParts(html, headers, email.messageId(), email.fromEmail()));
    }

    /** Records the attempt's outcome; true when the address must be suppressed (a permanent failure). */
    private boolean record(TenantId tenant, Step step, OutboundView out, Instant began) {
        EmailView email = step.email().view();
        UUID id = email.id();
        int attempt = step.attempt();
        Instant now = clock.instant();
        EmailStore.EmailRow current = store.lock(tenant, id).orElse(null);
        if (current == null
                || (current.view().status() != EmailStatus.SENDING
                        && current.view().status() != EmailStatus.PENDING_SEND)) {
            return false;
        }
        switch (out.status()) {
            case SENT -> {
                boolean fresh = out.sentAt() != null && !out.sentAt().isBefore(began);
                store.finishAttempt(
                        tenant,
                        id,
                        attempt,
                        step.reconcile() && !fresh ? "RECONCILED" : "ACCEPTED",
                        out.providerResponse(),
                        now);
                sent(
                        tenant,
                        email,
                        step.reconcile() && !fresh ? "Reconciled: the gateway had recorded it sent" : null,
                        now);
            }
            case SENDING, PENDING -> {
                // only on reconciliation: the gateway still shows the attempt in flight. Never assume it arrived:
                // look again later; once the gateway declares it UNKNOWN (no outcome long after it started), so is
                // the email
                queue.enqueue(tenant, id, now.plus(reconcileAfter));
            }
            case UNKNOWN -> {
                uncertain.outcomeLost(tenant, email, attempt, out.reason());
                if ("SENT_AGAIN".equals(out.resolution())) {
                    uncertain.resolveLocked(tenant, id, false, Actor.system());
                }
            }
            case SIMULATED -> {
                store.finishAttempt(tenant, id, attempt, "SIMULATED", out.reason(), now);
                store.status(tenant, id, EmailStatus.SIMULATED, out.reason(), null, null, now);
                publish(tenant, email, EmailChanged.SENT, Map.of("status", "SIMULATED", "dryRun", true));
            }
            case FAILED -> {
                int code = smtpCode(out.reason());
                if (code >= 500) {
                    store.finishAttempt(tenant, id, attempt, "PERMANENT_FAILURE", out.reason(), now);
                    store.status(tenant, id, EmailStatus.FAILED, out.reason(), null, null, now);
                    publish(
                            tenant,
                            email,
                            EmailChanged.BOUNCED,
                            Map.of("status", "FAILED", "smtpCode", code, "permanent", true));
                    publish(
                            tenant,
                            email,
                            EmailChanged.FAILED,
                            Map.of(
                                    "status",
                                    "FAILED",
                                    "smtpCode",
                                    code,
                                    "reason",
                                    EmailStore.truncate(String.valueOf(out.reason()), 500)));
                    return true;
                }
                store.finishAttempt(tenant, id, attempt, "TRANSIENT_FAILURE", out.reason(), now);
                if (attempt < maxAttempts) {
                    Instant next = now.plus(backoff.multipliedBy(1L << Math.min(attempt - 1, 20)));
                    store.status(
                            tenant,
                            id,
                            EmailStatus.PENDING_SEND,
                            "Attempt " + attempt + " failed, retrying: " + out.reason(),
                            next,
                            null,
                            now);
                    queue.enqueue(tenant, id, next);
                } else {
                    store.status(
                            tenant,
                            id,
                            EmailStatus.FAILED,
                            "Gave up after " + attempt + " attempts: " + out.reason(),
                            null,
                            null,
                            now);
                    publish(
                            tenant,
                            email,
                            EmailChanged.FAILED,
                            Map.of(
                                    "status",
                                    "FAILED",
                                    "attempts",
                                    attempt,
                                    "reason",
                                    EmailStore.truncate(String.valueOf(out.reason()), 500)));
                }
            }
            default -> {
                String why = out.status().name() + ": " + out.reason();
                store.finishAttempt(tenant, id, attempt, "BLOCKED", why, now);
                store.status(tenant, id, EmailStatus.BLOCKED, why, null, null, now);
                publish(tenant, email, EmailChanged.FAILED, Map.of("status", "BLOCKED", "reason", why));
            }
        }
        return false;
    }

    private void sent(TenantId tenant, EmailView email, String reason, Instant now) {
        store.status(tenant, email.id(), EmailStatus.SENT, reason, null, email.messageId(), now);
        publish(
                tenant,
                email,
                EmailChanged.SENT,
                reason == null
                        ? Map.of("status", "SENT", "messageId", email.messageId())
                        : Map.of("status", "SENT", "messageId", email.messageId(), "reconciled", true));
        if (email.leadId() != null) {
            leads.advance(tenant, email.leadId(), LeadStatus.CONTACTED, Actor.system());
        }
    }

    static int smtpCode(String reason) {
        if (reason == null) {
            return 0;
        }
        Matcher m = SMTP_CODE.matcher(reason);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private void publish(TenantId tenant, EmailView email, String step, Map<String, Object> details) {
        events.publishEvent(new EmailChanged(
                tenant.value(),
                email.id(),
                step,
                email.campaignId(),
                email.leadId(),
                email.toEmail(),
                details,
                Actor.system()));
    }
}
