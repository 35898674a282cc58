package ai.revo.missioncontrol.outbound;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.identity.UserManagement;
import ai.revo.missioncontrol.identity.WorkspaceStanding;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorCode;
import ai.revo.missioncontrol.platform.TenantContext;
import ai.revo.missioncontrol.safety.Channel;
import ai.revo.missioncontrol.safety.SafetyManagement;
import ai.revo.missioncontrol.safety.SafetyView;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The only door to the outside world for messages, for every channel and every caller. For each message it decides,
 * in this order: global pause (BLOCKED_PAUSED), workspace suspended by the operator (BLOCKED_SUSPENDED), sandboxed
 * workspace and a recipient who is not one of its own users (BLOCKED_SANDBOX), dry run (SIMULATED: recorded in full,
 * nothing leaves), channel switched off (BLOCKED_CHANNEL_OFF), recipient suppressed (BLOCKED_SUPPRESSED), no working
 * adapter (BLOCKED_NOT_CONFIGURED), a limit reached (BLOCKED_LIMIT: the workspace's, the sender's or the
 * installation's, per rolling hour and day, counted across nodes under advisory locks); otherwise the channel's
 * adapter sends it. The same idempotency key twice returns the first outcome and never
 * sends twice, even when two nodes receive it at the same moment. The provider is called outside any transaction.
 */
@Service
public class OutboundGateway {

    private static final Logger log = LoggerFactory.getLogger(OutboundGateway.class);
    /** E.164: a +, a country code not starting with 0, at most 15 digits in all. */
    private static final java.util.regex.Pattern E164 = java.util.regex.Pattern.compile("^\\+[1-9][0-9]{6,14}$");

    private final OutboundRepository messages;
    private final SafetyManagement safety;
    private final UserManagement workspaces;
    private final OutboundLimits limits;
    private final String defaultFrom;
    private final Map<Channel, ChannelAdapter> adapters = new EnumMap<>(Channel.class);
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration inFlightWait;
    private final Duration unknownAfter;
    private final OutcomeSignals signals;
    private final java.util.concurrent.atomic.AtomicLong waitReads = new java.util.concurrent.atomic.AtomicLong();

    OutboundGateway(
            OutboundRepository messages,
            SafetyManagement safety,
            UserManagement workspaces,
            OutboundLimits limits,
            @Value("${mc.email.default-from:no-reply@localhost}") String defaultFrom,
            List<ChannelAdapter> adapters,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            Clock clock,
            @Value("${mc.outbound.in-flight-wait:5s}") Duration inFlightWait,
            @Value("${mc.outbound.unknown-after:5m}") Duration unknownAfter,
            OutcomeSignals signals) {
        this.messages = messages;
        this.safety = safety;
        this.workspaces = workspaces;
        this.limits = limits;
        this.defaultFrom = defaultFrom;
        adapters.forEach(a -> {
            if (this.adapters.put(a.channel(), a) != null) {
                throw new IllegalStateException("Two adapters for channel " + a.channel());
            }
        });
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.inFlightWait = inFlightWait;
        this.unknownAfter = unknownAfter;
        this.signals = signals;
    }

    /**
     * Decides and, when allowed, sends one message. Returns its outcome; a repeated idempotency key returns the
     * first outcome (or, while that is still in flight on another node, its current state). 400 for an invalid
     * message; IDEMPOTENCY_CONFLICT when the key was used for a different message.
     */
    public OutboundView submit(TenantId tenant, OutboundMessage message) {
        return submit(tenant, message, false);
    }

    /**
     * Records a message of a simulation (the WhatsApp simulator) as SIMULATED whatever the workspace's settings:
     * decided and logged like any other message, never handed to an adapter. Same idempotency and validation as
     * {@link #submit}.
     */
    public OutboundView submitSimulated(TenantId tenant, OutboundMessage message) {
        return submit(tenant, message, true);
    }

    private OutboundView submit(TenantId tenant, OutboundMessage message, boolean simulation) {
        validate(message);
        String hash = hash(message);
        Actor actor = message.requestedBy() == null ? Actor.system() : message.requestedBy();
        return TenantContext.callAs(tenant.value(), () -> {
            // claim and decide commit together: a message is never left PENDING by a crash between the two
            OutboundView decided = tx.execute(s -> {
                UUID claimed = claim(tenant, message, hash, actor);
                return claimed == null ? null : decide(tenant, claimed, actor, simulation);
            });
            if (decided == null) {
                return existing(tenant, message.idempotencyKey(), hash);
            }
            if (decided.status() != OutboundStatus.SENDING) {
                return decided;
            }
            return deliver(tenant, decided.id(), message, actor);
        });
    }

    private UUID claim(TenantId tenant, OutboundMessage m, String hash, Actor actor) {
        Instant now = clock.instant();
        return jdbc.sql("""
                insert into outbound_messages (id, tenant_id, idempotency_key, request_hash, channel, to_address,
                    subject, body, campaign_id, lead_id, draft_id, sender, status, requested_by, template,
                    created_at, updated_at)
                values (:id, :tenant, :key, :hash, :channel, :to, :subject, :body, :campaign, :lead, :draft,
                    :sender, 'PENDING', :by, :template, :now, :now)
                on conflict (tenant_id, idempotency_key) do nothing
                returning id
                """)
                .param("id", UUID.randomUUID())
                .param("tenant", tenant.value())
                .param("key", m.idempotencyKey())
                .param("hash", hash)
                .param("channel", m.channel().name())
                .param("to", m.to().trim())
                .param("subject", m.subject())
                .param("body", m.body())
                .param("campaign", m.campaignId())
                .param("lead", m.leadId())
                .param("draft", m.draftId())
                .param("sender", sender(m))
                .param("by", actor.name())
                .param("template", m.whatsapp() == null ? null : m.whatsapp().encoded())
                .param("now", Timestamp.from(now))
                .query(UUID.class)
                .optional()
                .orElse(null);
    }

    private OutboundView decide(TenantId tenant, UUID id, Actor actor, boolean simulation) {
        OutboundRecord record = load(tenant, id);
        OutboundMessage m = record.message(actor);
        Instant now = clock.instant();
        SafetyView settings = safety.settings(tenant);
        WorkspaceStanding standing = workspaces.standing(tenant);
        ChannelAdapter adapter = adapters.get(m.channel());
        String overLimit;
        ChannelAdapter.Refusal refusal;
        if (simulation) {
            record.simulateOnly(actor, now);
        } else if (settings.globalPause()) {
            record.block(OutboundStatus.BLOCKED_PAUSED, "All outbound messages are paused", actor, now);
        } else if (standing.suspended()) {
            record.block(
                    OutboundStatus.BLOCKED_SUSPENDED,
                    "This workspace is suspended by the operator of this installation",
                    actor,
                    now);
        } else if (standing.sandboxed()
                && !(m.channel() == Channel.EMAIL && workspaces.isOwnUsersAddress(tenant, m.to()))) {
            record.block(
                    OutboundStatus.BLOCKED_SANDBOX,
                    "This workspace is in the sandbox: it may send only to its own users' e-mail addresses until the"
                            + " operator of this installation approves its outbound sending",
                    actor,
                    now);
        } else if (settings.dryRunMode()) {
            record.simulate(actor, now);
        } else if (!settings.channelEnabled(m.channel())) {
            record.block(
                    OutboundStatus.BLOCKED_CHANNEL_OFF, "The " + m.channel() + " channel is switched off", actor, now);
        } else if (safety.isSuppressed(tenant, m.channel(), m.to())) {
            record.block(OutboundStatus.BLOCKED_SUPPRESSED, "The recipient is on the suppression list", actor, now);
        } else if (adapter == null || !adapter.isConfigured(tenant)) {
            record.block(
                    OutboundStatus.BLOCKED_NOT_CONFIGURED,
                    "No working " + m.channel() + " provider is configured",
                    actor,
                    now);
        } else if ((refusal = adapter.refusalBeforeSending(tenant, m).orElse(null)) != null) {
            record.block(refusal.status(), refusal.reason(), actor, now);
        } else if ((overLimit = overLimit(tenant, standing, record.sender(), now)) != null) {
            record.block(OutboundStatus.BLOCKED_LIMIT, overLimit, actor, now);
        } else {
            record.startSending(now);
        }
        return messages.save(record).view();
    }

    /**
     * The reason the message would exceed a limit, or null. Runs in the deciding transaction and holds advisory
     * locks (installation, then sender, then workspace: the same order on every node) until it commits, so two
     * nodes deciding at the same moment count each other's messages.
     */
    private String overLimit(TenantId tenant, WorkspaceStanding standing, String sender, Instant now) {
        Instant hourAgo = now.minus(Duration.ofHours(1));
        Instant dayAgo = now.minus(Duration.ofDays(1));
        if (limits.installationHourly() >= 0 || limits.installationDaily() >= 0) {
            lock("outbound-limit:installation");
            if (exceeded(limits.installationHourly(), installationSends(hourAgo))) {
                return "The installation's hourly limit of " + limits.installationHourly() + " messages is reached";
            }
            if (exceeded(limits.installationDaily(), installationSends(dayAgo))) {
                return "The installation's daily limit of " + limits.installationDaily() + " messages is reached";
            }
        }
        if (sender != null && (limits.senderHourly() >= 0 || limits.senderDaily() >= 0)) {
            lock("outbound-limit:sender:" + sender);
            if (exceeded(limits.senderHourly(), senderSends(sender, hourAgo))) {
                return "The sender " + sender + " reached its hourly limit of " + limits.senderHourly() + " messages";
            }
            if (exceeded(limits.senderDaily(), senderSends(sender, dayAgo))) {
                return "The sender " + sender + " reached its daily limit of " + limits.senderDaily() + " messages";
            }
        }
        int hourly = standing.hourlySendLimit() != null ? standing.hourlySendLimit() : limits.workspaceHourly();
        int daily = standing.dailySendLimit() != null ? standing.dailySendLimit() : limits.workspaceDaily();
        if (hourly < 0 && daily < 0) {
            return null;
        }
        lock("outbound-limit:workspace:" + tenant.value());
        long[] counts = jdbc.sql("""
                        select count(*) filter (where decided_at >= :hour), count(*) from outbound_messages
                        where tenant_id = :tenant and decided_at >= :day
                          and status in ('SENDING', 'SENT', 'UNKNOWN', 'FAILED')
                        """)
                .param("tenant", tenant.value())
                .param("hour", Timestamp.from(hourAgo))
                .param("day", Timestamp.from(dayAgo))
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        if (exceeded(hourly, counts[0])) {
            return "This workspace's hourly limit of " + hourly + " messages is reached";
        }
        if (exceeded(daily, counts[1])) {
            return "This workspace's daily limit of " + daily + " messages is reached";
        }
        return null;
    }

    private static boolean exceeded(int limit, long sent) {
        return limit >= 0 && sent >= limit;
    }

    private void lock(String key) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param(key)
                .query((rs, n) -> 1)
                .list();
    }

    private long installationSends(Instant since) {
        return jdbc.sql("select outbound_installation_sends_since(?)")
                .param(Timestamp.from(since))
                .query(Long.class)
                .single();
    }

    private long senderSends(String sender, Instant since) {
        return jdbc.sql("select outbound_sender_sends_since(?, ?)")
                .param(sender)
                .param(Timestamp.from(since))
                .query(Long.class)
                .single();
    }

    /** Who the message goes out as, for the per-sender limit: an email's From (or the default sender). */
    private String sender(OutboundMessage m) {
        if (m.channel() != Channel.EMAIL) {
            return null;
        }
        String from = m.email() != null && m.email().from() != null ? m.email().from() : defaultFrom;
        return from == null ? null : from.trim().toLowerCase(Locale.ROOT);
    }

    private OutboundView deliver(TenantId tenant, UUID id, OutboundMessage message, Actor actor) {
        ChannelAdapter adapter = adapters.get(message.channel());
        ChannelAdapter.Delivery delivery = null;
        String error = null;
        boolean unknown = false;
        ProviderRefusal refused = null;
        try {
            delivery = adapter.send(tenant, message);
        } catch (ChannelAdapter.OutcomeUnknown e) {
            log.warn("Sending {} message {}: outcome unknown: {}", message.channel(), id, e.getMessage());
            error = e.getMessage();
            unknown = true;
        } catch (ProviderRefusal e) {
            log.warn("The {} provider refused message {}: {}", message.channel(), id, e.getMessage());
            refused = e;
            error = e.getMessage();
        } catch (Exception e) {
            log.warn("Sending {} message {} failed: {}", message.channel(), id, e.getMessage());
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        ChannelAdapter.Delivery outcome = delivery;
        String failure = error;
        boolean uncertain = unknown;
        ProviderRefusal refusal = refused;
        return tx.execute(s -> {
            OutboundRecord record = lockRecord(tenant, id);
            if (record.status() != OutboundStatus.SENDING && !record.view().awaitsDecision()) {
                // a person already decided about it while the provider was still answering: keep their decision
                log.warn(
                        "Outbound message {} answered after it was resolved as {}: {}",
                        id,
                        record.view().resolution(),
                        failure == null ? "accepted" : failure);
                return record.view();
            }
            if (uncertain) {
                if (record.status() == OutboundStatus.SENDING) {
                    record.outcomeUncertain(failure, clock.instant());
                }
            } else if (refusal != null && refusal.status() != OutboundStatus.FAILED) {
                record.refusedByProvider(refusal.status(), refusal.getMessage(), actor, clock.instant());
            } else if (failure == null) {
                record.delivered(
                        Objects.requireNonNullElse(outcome, new ChannelAdapter.Delivery(null, null)),
                        actor,
                        clock.instant());
            } else {
                record.failed(failure, actor, clock.instant());
            }
            signals.outcomeRecorded(id);
            return messages.save(record).view();
        });
    }

    /**
     * The outcome recorded for a key another submission claimed. While that one is still in flight (on any node),
     * waits until its outcome is recorded, woken by the database's notification ({@link OutcomeSignals}), or until
     * the in-flight wait's deadline: it never re-reads the row on a timer.
     */
    private OutboundView existing(TenantId tenant, String key, String hash) {
        Instant deadline = clock.instant().plus(inFlightWait);
        OutboundRecord record = read(tenant, key, hash);
        while (true) {
            if (record.outcomeOverdue(clock.instant(), unknownAfter)) {
                return declareLost(tenant, record.view().id());
            }
            Duration left = Duration.between(clock.instant(), deadline);
            if (record.status().isFinal() || left.isNegative() || left.isZero()) {
                return record.view();
            }
            UUID id = record.view().id();
            java.util.concurrent.CompletableFuture<Void> recorded = signals.register(id);
            try {
                record = read(tenant, key, hash); // registered first: an outcome recorded since is seen here
                if (record.status().isFinal()) {
                    return record.view();
                }
                recorded.get(left.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                // the deadline: answer what is recorded now
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return record.view();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e);
            } finally {
                signals.unregister(id, recorded);
            }
            record = read(tenant, key, hash);
        }
    }

    /**
     * Records the provider's delivery receipt for the message it knows as {@code providerMessageId} (SENT,
     * DELIVERED, READ, or FAILED with {@code error}): the message only moves forward, and a repeated or late receipt
     * changes nothing. Returns the message as it is now; empty when no message of this workspace has that id.
     */
    public java.util.Optional<OutboundView> recordReceipt(
            TenantId tenant, Channel channel, String providerMessageId, String receipt, String error, Instant at) {
        if (providerMessageId == null || providerMessageId.isBlank()) {
            return java.util.Optional.empty();
        }
        return TenantContext.callAs(
                tenant.value(),
                () -> tx.execute(s -> {
                    java.util.Optional<UUID> id = jdbc.sql("""
                            select id from outbound_messages where tenant_id = ? and channel = ?
                              and provider_message_id = ? order by created_at desc limit 1 for update""")
                            .params(tenant.value(), channel.name(), providerMessageId)
                            .query(UUID.class)
                            .optional();
                    if (id.isEmpty()) {
                        return java.util.Optional.<OutboundView>empty();
                    }
                    OutboundRecord record = load(tenant, id.get());
                    if (record.receipt(receipt, error, at == null ? clock.instant() : at, clock.instant())) {
                        record = messages.save(record);
                    }
                    return java.util.Optional.of(record.view());
                }));
    }

    /** Reads of a claimed key's row by waiting submissions so far (for the tests: waiting must not poll). */
    public long waitReads() {
        return waitReads.get();
    }

    private OutboundRecord read(TenantId tenant, String key, String hash) {
        waitReads.incrementAndGet();
        OutboundRecord record = tx.execute(s -> messages.findByTenantIdAndIdempotencyKey(tenant, key))
                .orElseThrow(() -> new IllegalStateException("Idempotency key vanished: " + key));
        if (!record.sameRequest(hash)) {
            throw new ApiException(
                    ErrorCode.IDEMPOTENCY_CONFLICT, "This idempotency key was already used for a different message");
        }
        return record;
    }

    /**
     * A person states that an UNKNOWN message did go out: it becomes SENT (resolution MARKED_SENT), audited. 404 for
     * an unknown id, 409 CONFLICT when the message is not UNKNOWN or was already decided about.
     */
    public OutboundView markSent(TenantId tenant, UUID id, Actor actor) {
        return TenantContext.callAs(
                tenant.value(),
                () -> tx.execute(s -> {
                    OutboundRecord record = lockRecord(tenant, id);
                    record.markSent(actor, clock.instant());
                    return messages.save(record).view();
                }));
    }

    /**
     * A person chooses to send an UNKNOWN message again (resolution SENT_AGAIN, audited). Once that has committed
     * the message goes out once more through every check of {@link #submit}: as a new message under the key
     * {@code <key>:again} sent by the gateway itself, or, when a {@link SendAgainHandler} claims it, as that module's
     * own next attempt. 404 for an unknown id, 409 CONFLICT when it is not UNKNOWN or was already decided about.
     */
    public OutboundView sendAgain(TenantId tenant, UUID id, Actor actor) {
        return TenantContext.callAs(
                tenant.value(),
                () -> tx.execute(s -> {
                    OutboundRecord record = lockRecord(tenant, id);
                    record.sendAgain(actor, clock.instant());
                    return messages.save(record).view();
                }));
    }

    /**
     * Declares UNKNOWN every message whose provider call started longer ago than {@code mc.outbound.unknown-after}
     * (longer than any provider timeout) without an outcome: its node stopped mid-send. Returns how many.
     */
    public int declareLostOutcomes() {
        List<UUID[]> overdue = jdbc.sql("select tenant_id, id from outbound_overdue_sends(?, 500)")
                .param(Timestamp.from(clock.instant().minus(unknownAfter)))
                .query((rs, i) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)})
                .list();
        int lost = 0;
        for (UUID[] row : overdue) {
            OutboundView v = declareLost(TenantId.of(row[0].toString()), row[1]);
            if (v.status() == OutboundStatus.UNKNOWN) {
                lost++;
            }
        }
        return lost;
    }

    private OutboundView declareLost(TenantId tenant, UUID id) {
        return TenantContext.callAs(
                tenant.value(),
                () -> tx.execute(s -> {
                    OutboundRecord record = lockRecord(tenant, id);
                    if (record.outcomeOverdue(clock.instant(), unknownAfter)) {
                        record.outcomeLost(clock.instant());
                        record = messages.save(record);
                        log.warn(
                                "Outbound message {} ({}) has no recorded outcome; it is now UNKNOWN",
                                id,
                                record.status());
                    }
                    return record.view();
                }));
    }

    /** The record with its row locked until the transaction ends, so two deciders never both act on it. */
    private OutboundRecord lockRecord(TenantId tenant, UUID id) {
        jdbc.sql("select 1 from outbound_messages where tenant_id = ? and id = ? for update")
                .params(tenant.value(), id)
                .query((rs, n) -> 1)
                .list();
        return load(tenant, id);
    }

    private OutboundRecord load(TenantId tenant, UUID id) {
        return messages.findByTenantIdAndId(tenant, id)
                .orElseThrow(() -> ApiException.notFound("Outbound message", id));
    }

    private static void validate(OutboundMessage m) {
        if (m == null) {
            throw ApiException.invalidField("body", "is required");
        }
        if (m.channel() == null) {
            throw ApiException.invalidField("channel", "is required");
        }
        if (m.to() == null || m.to().isBlank()) {
            throw ApiException.invalidField("to", "is required");
        }
        if (m.body() == null || m.body().isBlank()) {
            throw ApiException.invalidField("body", "is required");
        }
        if (m.channel() == Channel.SMS && !E164.matcher(m.to().trim()).matches()) {
            throw ApiException.invalidField(
                    "to", "must be a phone number in E.164 form (a + and the country code, e.g. +14155550100)");
        }
        if (m.idempotencyKey() == null
                || m.idempotencyKey().isBlank()
                || m.idempotencyKey().length() > 200) {
            throw ApiException.invalidField("idempotencyKey", "is required (1 to 200 characters)");
        }
        if (m.subject() != null && m.subject().length() > 998) {
            throw ApiException.invalidField("subject", "must be at most 998 characters");
        }
    }

    private static String hash(OutboundMessage m) {
        String canonical = String.join(
                "\u0000",
                m.channel().name(),
                m.to().trim(),
                Objects.toString(m.subject(), ""),
                m.body(),
                m.whatsapp() == null ? "" : m.whatsapp().encoded(),
                Objects.toString(m.campaignId(), ""),
                Objects.toString(m.leadId(), ""),
                Objects.toString(m.draftId(), ""));
        if (m.email() != null && !m.email().attachments().isEmpty()) {
            // only messages with files name them, so every earlier message keeps its hash; the bytes are left out
            // because a re-rendered document (a PDF's creation time) is still the same message under the same key
            StringBuilder files = new StringBuilder(canonical);
            for (OutboundMessage.Attachment a : m.email().attachments()) {
                files.append('\u0000').append(a.filename()).append('\u0000').append(a.contentType());
            }
            canonical = files.toString();
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
