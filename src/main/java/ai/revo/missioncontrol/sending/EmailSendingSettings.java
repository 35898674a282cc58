package ai.revo.missioncontrol.sending;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.identity.UserManagement;
import ai.revo.missioncontrol.outbound.OutboundGateway;
import ai.revo.missioncontrol.outbound.OutboundMessage;
import ai.revo.missioncontrol.outbound.OutboundStatus;
import ai.revo.missioncontrol.outbound.OutboundView;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.secrets.SecretCipher;
import ai.revo.missioncontrol.safety.Channel;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.relational.core.conversion.DbActionExecutionException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A workspace's email sending settings: its own SMTP relay and its sender identities, and the test email. Callers
 * check the role (ADMIN). The relay's password is sealed with the installation key before it is stored and is never
 * returned; views say only whether one is set.
 */
@Service
public class EmailSendingSettings {

    private final WorkspaceRelayRepository relays;
    private final SenderIdentityRepository identities;
    private final SecretCipher cipher;
    private final UserManagement users;
    private final OutboundGateway gateway;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String defaultFrom;
    private final Set<String> allowedDomains;
    private final boolean allowPrivateHosts;
    private final boolean installationRelay;
    private final TestEmailText testText;

    EmailSendingSettings(
            WorkspaceRelayRepository relays,
            SenderIdentityRepository identities,
            SecretCipher cipher,
            UserManagement users,
            OutboundGateway gateway,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Clock clock,
            Environment env,
            TestEmailText testText,
            @Value("${mc.email.default-from:no-reply@localhost}") String defaultFrom,
            @Value("${mc.email.allowed-from-domains:}") List<String> allowedDomains,
            @Value("${mc.email.workspace-relay.allow-private-hosts:false}") boolean allowPrivateHosts) {
        this.relays = relays;
        this.identities = identities;
        this.cipher = cipher;
        this.users = users;
        this.gateway = gateway;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.testText = testText;
        this.defaultFrom = defaultFrom.trim().toLowerCase(Locale.ROOT);
        this.allowedDomains = allowedDomains.stream()
                .map(d -> d.trim().toLowerCase(Locale.ROOT))
                .filter(d -> !d.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        this.allowPrivateHosts = allowPrivateHosts;
        this.installationRelay = !env.getProperty("spring.mail.host", "").isBlank();
    }

    /** Everything the Settings page shows: the own relay (or null), the identities, whether the installation has one. */
    public record Overview(RelayView relay, List<SenderIdentityView> identities, boolean installationRelay) {}

    /** A relay change. {@code password}: null keeps the stored one, "" removes it. */
    public record RelayChange(String host, Integer port, String username, String password, Boolean startTls) {}

    /** An identity's parts; {@code isDefault} null leaves it as it is (a workspace's first identity is the default). */
    public record IdentityChange(
            String displayName, String address, String replyTo, String signature, Boolean isDefault) {}

    @Transactional(readOnly = true)
    public Overview overview(TenantId tenant) {
        return new Overview(
                relays.findByTenantId(tenant).map(WorkspaceRelay::view).orElse(null),
                identities(tenant),
                installationRelay);
    }

    @Transactional(readOnly = true)
    public List<SenderIdentityView> identities(TenantId tenant) {
        return identities.findByTenantId(tenant).stream()
                .map(SenderIdentity::view)
                .toList();
    }

    /**
     * Sets the workspace's own relay; from then on its emails go through it. 400 naming the field for a bad value,
     * or (unless the installation allows it) a host that is this machine or a private network. The host is resolved
     * before the transaction.
     */
    public RelayView setRelay(TenantId tenant, RelayChange change, Actor actor) {
        if (change == null) {
            throw ApiException.invalidField("body", "is required");
        }
        String host;
        try {
            host = WorkspaceRelay.normalisedHost(change.host());
        } catch (InvalidSetting e) {
            throw ApiException.invalidField(e.field, e.getMessage());
        }
        if (!allowPrivateHosts) {
            try {
                WorkspaceRelay.refuseInternal(host);
            } catch (InvalidSetting e) {
                throw ApiException.invalidField(e.field, e.getMessage());
            }
        }
        if (change.password() != null && change.password().length() > 1000) {
            throw ApiException.invalidField("password", "must be at most 1000 characters");
        }
        String sealed = change.password() == null
                ? null
                : change.password().isEmpty() ? "" : cipher.seal(change.password(), context(tenant));
        return tx.execute(s -> {
            Instant now = clock.instant();
            Optional<WorkspaceRelay> existing = relays.findByTenantId(tenant);
            RelayView before = existing.map(WorkspaceRelay::view).orElse(null);
            WorkspaceRelay relay = existing.orElseGet(() -> WorkspaceRelay.configure(tenant, now));
            try {
                relay.set(
                        host,
                        change.port(),
                        change.username(),
                        sealed,
                        change.startTls() == null || change.startTls(),
                        now);
            } catch (InvalidSetting e) {
                throw ApiException.invalidField(e.field, e.getMessage());
            }
            RelayView after = relays.save(relay).view();
            events.publishEvent(new EmailSendingChanged.SmtpRelayConfigured(tenant.value(), before, after, actor));
            return after;
        });
    }

    /** Removes the own relay: the workspace sends through the installation's again. 404 when it has none. */
    @Transactional
    public void removeRelay(TenantId tenant, Actor actor) {
        RelayView before = relays.findByTenantId(tenant)
                .map(WorkspaceRelay::view)
                .orElseThrow(() -> ApiException.notFound("SMTP relay", "of this workspace"));
        relays.deleteByTenantId(tenant);
        events.publishEvent(new EmailSendingChanged.SmtpRelayRemoved(tenant.value(), before, actor));
    }

    /**
     * Adds a sender identity. Through the installation's relay the address must be one the workspace may use (one
     * of its users, the installation's default sender, or a domain the operator allows); through its own relay any
     * address. 409 when the address is already an identity.
     */
    @Transactional
    public SenderIdentityView addIdentity(TenantId tenant, IdentityChange change, Actor actor) {
        Instant now = clock.instant();
        SenderIdentity identity = SenderIdentity.create(tenant, now);
        apply(tenant, identity, change, now);
        boolean first = identities.countByTenantId(tenant) == 0;
        boolean makeDefault = first || Boolean.TRUE.equals(change.isDefault());
        if (makeDefault) {
            clearDefault(tenant, now);
        }
        identity.markDefault(makeDefault, now);
        SenderIdentityView view = save(identity).view();
        events.publishEvent(new EmailSendingChanged.SenderIdentityAdded(tenant.value(), view, actor));
        return view;
    }

    /** Changes an identity (every part is replaced). 404 when it is not this workspace's. */
    @Transactional
    public SenderIdentityView editIdentity(TenantId tenant, UUID id, IdentityChange change, Actor actor) {
        SenderIdentity identity = load(tenant, id);
        SenderIdentityView before = identity.view();
        Instant now = clock.instant();
        apply(tenant, identity, change, now);
        if (Boolean.TRUE.equals(change.isDefault()) && !identity.isDefault()) {
            clearDefault(tenant, now);
            identity.markDefault(true, now);
        } else if (Boolean.FALSE.equals(change.isDefault())) {
            identity.markDefault(false, now);
        }
        SenderIdentityView after = save(identity).view();
        events.publishEvent(new EmailSendingChanged.SenderIdentityEdited(tenant.value(), before, after, actor));
        return after;
    }

    /** Makes the identity the default sender (the previous default stops being it). */
    @Transactional
    public SenderIdentityView makeDefault(TenantId tenant, UUID id, Actor actor) {
        SenderIdentity identity = load(tenant, id);
        SenderIdentityView before = identity.view();
        if (identity.isDefault()) {
            return before;
        }
        Instant now = clock.instant();
        clearDefault(tenant, now);
        identity.markDefault(true, now);
        SenderIdentityView after = save(identity).view();
        events.publishEvent(new EmailSendingChanged.SenderIdentityEdited(tenant.value(), before, after, actor));
        return after;
    }

    @Transactional
    public void removeIdentity(TenantId tenant, UUID id, Actor actor) {
        SenderIdentityView before = load(tenant, id).view();
        identities.deleteByTenantIdAndId(tenant, id);
        events.publishEvent(new EmailSendingChanged.SenderIdentityRemoved(tenant.value(), before, actor));
    }

    /** The default identity, used when neither the request nor the campaign names a sender; empty when none. */
    @Transactional(readOnly = true)
    public Optional<SenderIdentityView> defaultIdentity(TenantId tenant) {
        return identities.findByTenantId(tenant).stream()
                .filter(SenderIdentity::isDefault)
                .findFirst()
                .map(SenderIdentity::view);
    }

    /** The identity whose address is {@code address} (any case), or empty. */
    @Transactional(readOnly = true)
    public Optional<SenderIdentityView> identityFor(TenantId tenant, String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        return identities
                .findByTenantIdAndAddress(tenant, address.trim().toLowerCase(Locale.ROOT))
                .map(SenderIdentity::view);
    }

    /** What became of a test email: the gateway's outcome, to whom, from which address and through which relay. */
    public record TestEmailResult(
            UUID outboundMessageId, OutboundStatus status, String reason, String to, String from, String via) {

        public boolean sent() {
            return status == OutboundStatus.SENT;
        }
    }

    /**
     * Sends a test email to {@code toOwnAddress} (the signed-in user's own address) through the outbound gateway, so
     * the sandbox, dry run, the channel switch and the limits apply as to any email. Runs outside any transaction
     * (the gateway records and sends on its own). {@code via} is WORKSPACE_RELAY or INSTALLATION_RELAY.
     */
    public TestEmailResult sendTest(TenantId tenant, String toOwnAddress, Actor actor) {
        Overview overview = tx.execute(s -> overview(tenant));
        SenderIdentityView identity = overview.identities().stream()
                .filter(SenderIdentityView::isDefault)
                .findFirst()
                .orElse(null);
        String from = identity == null ? defaultFrom : identity.address();
        String via = overview.relay() != null ? "WORKSPACE_RELAY" : "INSTALLATION_RELAY";
        TestEmailText.Parts parts = testText.render(identity, from, via, toOwnAddress);
        Map<String, String> headers = new LinkedHashMap<>();
        if (identity != null) {
            headers.put("From", identity.fromHeader());
            if (identity.replyTo() != null) {
                headers.put("Reply-To", identity.replyTo());
            }
        }
        OutboundView out = gateway.submit(
                tenant,
                new OutboundMessage(
                        Channel.EMAIL,
                        toOwnAddress,
                        parts.subject(),
                        parts.text(),
                        null,
                        null,
                        null,
                        "settings-test-email:" + UUID.randomUUID(),
                        actor,
                        new OutboundMessage.EmailParts(parts.html(), headers, null, from)));
        return new TestEmailResult(out.id(), out.status(), out.reason(), toOwnAddress, from, via);
    }

    private void apply(TenantId tenant, SenderIdentity identity, IdentityChange change, Instant now) {
        if (change == null) {
            throw ApiException.invalidField("body", "is required");
        }
        try {
            identity.set(change.displayName(), change.address(), change.replyTo(), change.signature(), now);
        } catch (InvalidSetting e) {
            throw ApiException.invalidField(e.field, e.getMessage());
        }
        String address = identity.address();
        boolean ownRelay = relays.findByTenantId(tenant).isPresent();
        String domain = address.substring(address.lastIndexOf('@') + 1);
        if (!ownRelay
                && !address.equals(defaultFrom)
                && !allowedDomains.contains(domain)
                && !users.isOwnUsersAddress(tenant, address)) {
            throw ApiException.invalidField(
                    "address",
                    "is not a sender this workspace may use through the installation's relay: use one of the"
                            + " workspace's users' addresses, the installation's default sender, a domain the operator"
                            + " allows (MC_EMAIL_ALLOWED_FROM_DOMAINS), or set the workspace's own SMTP relay first");
        }
    }

    private void clearDefault(TenantId tenant, Instant now) {
        for (SenderIdentity other : identities.findByTenantId(tenant)) {
            if (other.isDefault()) {
                other.markDefault(false, now);
                identities.save(other);
            }
        }
    }

    private SenderIdentity save(SenderIdentity identity) {
        try {
            return identities.save(identity);
        } catch (DbActionExecutionException e) {
            if (e.getCause() instanceof DuplicateKeyException) {
                throw ApiException.conflict("This address is already a sender identity of the workspace");
            }
            throw e;
        }
    }

    private SenderIdentity load(TenantId tenant, UUID id) {
        return identities
                .findByTenantIdAndId(tenant, id)
                .orElseThrow(() -> ApiException.notFound("Sender identity", id));
    }

    static String context(TenantId tenant) {
        return "smtp.password:" + tenant.value();
    }
}
