package ai.revo.missioncontrol.identity;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signing in with a provider (Google, LinkedIn, an organisation's OpenID Connect provider) once the provider's answer
 * has been verified: an identity already linked signs in as its user; else a verified e-mail that matches a user
 * links to them, one that matches a pending invitation accepts it, and otherwise a new workspace is created when
 * sign-up is enabled. An unverified e-mail never links and never creates anything. Also the user's own list of
 * linked identities and their removal.
 */
@Service
public class ExternalSignIns {

    private static final Logger log = LoggerFactory.getLogger(ExternalSignIns.class);

    /** What a provider vouched for, after its ID token was verified (signature, issuer, audience, nonce). */
    public record Claims(String provider, String subject, String email, boolean emailVerified, String name) {}

    /** A sign-in's result: the signed-in user, or why it was refused. */
    public record Outcome(CurrentUser user, SignInRefusal refusal) {
        public boolean signedIn() {
            return user != null;
        }
    }

    private record Resolution(User user, SignInRefusal refusal) {
        static Resolution refused(SignInRefusal refusal) {
            return new Resolution(null, refusal);
        }
    }

    private final ExternalIdentityRepository identities;
    private final UserRepository users;
    private final TenantRepository tenants;
    private final InvitationRepository invitations;
    private final TenantDirectory directory;
    private final AuthManagement auth;
    private final IdentityProperties properties;
    private final SignInProviders providers;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    ExternalSignIns(
            ExternalIdentityRepository identities,
            UserRepository users,
            TenantRepository tenants,
            InvitationRepository invitations,
            TenantDirectory directory,
            AuthManagement auth,
            IdentityProperties properties,
            SignInProviders providers,
            PasswordEncoder passwords,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            Clock clock) {
        this.identities = identities;
        this.users = users;
        this.tenants = tenants;
        this.invitations = invitations;
        this.directory = directory;
        this.auth = auth;
        this.properties = properties;
        this.providers = providers;
        this.passwords = passwords;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /** Signs in for the dashboard: the user for the session, or the refusal. Claims must not be null. */
    public Outcome signIn(Claims claims) {
        Resolution r = resolve(claims);
        if (r.user() == null) {
            return new Outcome(null, r.refusal());
        }
        return new Outcome(inTenant(r.user().tenantId(), s -> auth.currentUser(r.user())), null);
    }

    /** Signs in for the API: the same token pair as a password sign-in. 403 naming the refusal otherwise. */
    TokenPair signInForTokens(Claims claims) {
        Resolution r = resolve(claims);
        if (r.user() == null) {
            throw refusal(r.refusal());
        }
        return inTenant(r.user().tenantId(), s -> auth.issueTokens(r.user(), null));
    }

    static ApiException refusal(SignInRefusal reason) {
        return new ApiException(
                ai.revo.missioncontrol.platform.ErrorCode.FORBIDDEN,
                switch (reason) {
                    case SIGNUP_DISABLED -> "No account uses this e-mail and sign-up is disabled on this installation";
                    case EMAIL_UNVERIFIED -> "The provider has not verified this e-mail address";
                    case EMAIL_MISSING -> "The provider gave no e-mail address";
                    case DEACTIVATED -> "This user has been deactivated";
                    case INVITATION_EXPIRED -> "The invitation for this e-mail has expired";
                    case SUSPENDED -> "This workspace is suspended; contact the operator of this installation";
                    case PROVIDER_ERROR -> "The provider's answer could not be verified";
                },
                java.util.Map.of("reason", reason.name()));
    }

    private Resolution resolve(Claims c) {
        Instant now = clock.instant();
        Optional<TenantId> linkedIn = directory.ofExternalIdentity(c.provider(), c.subject());
        if (linkedIn.isPresent()) {
            return inTenant(linkedIn.get(), s -> {
                ExternalIdentity identity = identities
                        .findByTenantIdAndProviderAndSubject(linkedIn.get(), c.provider(), c.subject())
                        .orElseThrow();
                User user = users.findByTenantIdAndId(linkedIn.get(), identity.userId())
                        .orElseThrow();
                SignInRefusal blocked = blocked(user);
                if (blocked != null) {
                    return Resolution.refused(blocked);
                }
                identity.used(c.emailVerified() ? c.email() : identity.email(), now);
                identities.save(identity);
                user.signedIn(now);
                return new Resolution(users.save(user), null);
            });
        }
        if (c.email() == null || c.email().isBlank()) {
            return Resolution.refused(SignInRefusal.EMAIL_MISSING);
        }
        EmailAddress address;
        try {
            address = new EmailAddress(c.email());
        } catch (IllegalArgumentException e) {
            return Resolution.refused(SignInRefusal.EMAIL_MISSING);
        }
        if (!c.emailVerified()) {
            // never links to an existing account, never accepts an invitation, never opens a workspace
            log.info("Refused a {} sign-in with an unverified e-mail", c.provider());
            return Resolution.refused(SignInRefusal.EMAIL_UNVERIFIED);
        }
        // hashed outside any transaction; nobody knows this password, the identity is how they sign in
        String unusable = passwords.encode(SecretToken.generate().value());
        Optional<TenantId> existing = directory.ofLogin(address);
        if (existing.isPresent()) {
            TenantId tenant = existing.get();
            return inTenant(tenant, s -> {
                User user =
                        users.findByTenantIdAndEmail(tenant, address.value()).orElseThrow();
                Actor actor = Actor.user(user.id(), user.email());
                if (user.isPendingInvitation() && user.active()) {
                    Invitation invitation =
                            invitations.findLatestPending(tenant, user.id()).orElse(null);
                    if (invitation == null) {
                        return Resolution.refused(SignInRefusal.INVITATION_EXPIRED);
                    }
                    try {
                        invitation.accept(now);
                    } catch (ApiException e) {
                        return Resolution.refused(SignInRefusal.INVITATION_EXPIRED);
                    }
                    if (suspended(tenant)) {
                        return Resolution.refused(SignInRefusal.SUSPENDED);
                    }
                    invitations.save(invitation);
                    UserView before = UserView.of(user);
                    user.joinWithoutPassword(unusable, now);
                    user.signedIn(now);
                    User saved = users.save(user);
                    events.publishEvent(new UserChanged(
                            tenant.value(), "user.invitation_accepted", before, UserView.of(saved), actor));
                    link(saved, c, now, actor);
                    return new Resolution(saved, null);
                }
                SignInRefusal blocked = blocked(user);
                if (blocked != null) {
                    return Resolution.refused(blocked);
                }
                link(user, c, now, actor);
                user.signedIn(now);
                return new Resolution(users.save(user), null);
            });
        }
        if (!properties.signupEnabled()) {
            return Resolution.refused(SignInRefusal.SIGNUP_DISABLED);
        }
        String workspaceName = c.name() == null || c.name().isBlank()
                ? address.value()
                : c.name().trim();
        User admin = auth.createWorkspace(
                workspaceName.length() > 120 ? workspaceName.substring(0, 120) : workspaceName,
                address,
                unusable,
                false,
                properties.signupAccess());
        return inTenant(admin.tenantId(), s -> {
            User user = users.findByTenantIdAndId(admin.tenantId(), admin.id()).orElseThrow();
            link(user, c, now, Actor.user(user.id(), user.email()));
            user.signedIn(now);
            return new Resolution(users.save(user), null);
        });
    }

    private void link(User user, Claims c, Instant now, Actor actor) {
        ExternalIdentity identity = identities.save(
                ExternalIdentity.link(user.tenantId(), user.id(), c.provider(), c.subject(), c.email(), now));
        events.publishEvent(ExternalIdentityLinked.linked(identity, actor));
    }

    private SignInRefusal blocked(User user) {
        if (!user.canSignIn()) {
            return SignInRefusal.DEACTIVATED;
        }
        return suspended(user.tenantId()) ? SignInRefusal.SUSPENDED : null;
    }

    private boolean suspended(TenantId tenant) {
        return tenants.findById(tenant).map(Tenant::suspended).orElse(true);
    }

    /** The user's linked identities, oldest first. */
    public List<ExternalIdentityView> linked(TenantId tenant, UserId user) {
        return inTenant(
                tenant,
                s -> identities.findByTenantIdAndUserId(tenant, user).stream()
                        .map(i -> new ExternalIdentityView(
                                i.id(),
                                i.provider(),
                                providers.nameOf(i.provider()),
                                i.email(),
                                i.createdAt(),
                                i.lastUsedAt()))
                        .toList());
    }

    /**
     * Removes one of the user's own linked identities; 404 for another user's or an unknown one, 409 when it is the
     * only way left to sign in (no password chosen and no other identity).
     */
    public void unlink(TenantId tenant, UserId userId, UUID identityId, Actor actor) {
        TenantContext.runAs(
                tenant.value(),
                () -> tx.executeWithoutResult(s -> {
                    ExternalIdentity identity = identities
                            .findByTenantIdAndId(tenant, identityId)
                            .filter(i -> i.userId().equals(userId))
                            .orElseThrow(() -> ApiException.notFound("Linked identity", identityId));
                    User user = users.findByTenantIdAndId(tenant, userId).orElseThrow();
                    if (!user.passwordChosen()
                            && identities
                                            .findByTenantIdAndUserId(tenant, userId)
                                            .size()
                                    <= 1) {
                        throw ApiException.conflict(
                                "This is your only way to sign in: link another provider before removing it");
                    }
                    identities.deleteByTenantIdAndId(tenant, identityId);
                    events.publishEvent(ExternalIdentityLinked.unlinked(identity, actor));
                }));
    }

    private <T> T inTenant(TenantId tenant, Function<org.springframework.transaction.TransactionStatus, T> work) {
        return TenantContext.callAs(tenant.value(), () -> tx.execute(work::apply));
    }
}
