package ai.revo.missioncontrol.identity;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorCode;
import ai.revo.missioncontrol.platform.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.relational.core.conversion.DbActionExecutionException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-up, sign-in, token refresh and rotation, sign-out and invitation acceptance. Before sign-in the tenant is
 * unknown, so each use case first asks the {@link TenantDirectory}, then works inside that tenant's transaction.
 * Password hashing runs outside transactions.
 */
@Service
public class AuthManagement {

    private static final Logger log = LoggerFactory.getLogger(AuthManagement.class);
    private static final String BAD_CREDENTIALS = "Invalid email or password";
    // compared against when the e-mail is unknown, so both failures take the same time
    private static final String DUMMY_HASH = "{bcrypt}$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z1xQ9pZ1kz6x6/lAy2ukwEhK";

    private final UserRepository users;
    private final TenantRepository tenants;
    private final RefreshTokenRepository refreshTokens;
    private final InvitationRepository invitations;
    private final TenantDirectory directory;
    private final AccessTokens accessTokens;
    private final LoginThrottle throttle;
    private final PasswordEncoder passwords;
    private final IdentityProperties properties;
    private final TokenRevocations revocations;
    private final Principals principals;
    private final ApiKeyAuthenticator apiKeys;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    AuthManagement(
            UserRepository users,
            TenantRepository tenants,
            RefreshTokenRepository refreshTokens,
            InvitationRepository invitations,
            TenantDirectory directory,
            AccessTokens accessTokens,
            LoginThrottle throttle,
            PasswordEncoder passwords,
            IdentityProperties properties,
            TokenRevocations revocations,
            Principals principals,
            ApiKeyAuthenticator apiKeys,
            org.springframework.context.ApplicationEventPublisher events,
            TransactionTemplate tx,
            Clock clock) {
        this.users = users;
        this.tenants = tenants;
        this.refreshTokens = refreshTokens;
        this.invitations = invitations;
        this.directory = directory;
        this.accessTokens = accessTokens;
        this.throttle = throttle;
        this.passwords = passwords;
        this.properties = properties;
        this.revocations = revocations;
        this.principals = principals;
        this.apiKeys = apiKeys;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Creates a workspace and its first ADMIN and signs them in. 409 when the e-mail is taken, 400 for a weak
     * password, 403 when sign-up is switched off, 429 when the client address made too many sign-ups lately.
     */
    public TokenPair signup(String email, String password, String workspaceName, String clientAddress) {
        if (!properties.signupEnabled()) {
            throw ApiException.forbidden("Sign-up is disabled on this installation");
        }
        // counted before anything is checked, so an address cannot probe which e-mails are registered quickly
        throttle.checkSignupAllowed(clientAddress);
        EmailAddress address = email(email);
        PasswordPolicy.check("password", password);
        if (workspaceName == null
                || workspaceName.isBlank()
                || workspaceName.trim().length() > 120) {
            throw ApiException.invalidField("workspaceName", "must be 1 to 120 characters");
        }
        if (directory.ofLogin(address).isPresent()) {
            throw ApiException.conflict("An account with this email already exists");
        }
        String hash = passwords.encode(password);
        User admin = createWorkspace(workspaceName, address, hash, properties.signupAccess());
        return TenantContext.callAs(admin.tenantId().value(), () -> tx.execute(s -> issueTokens(admin, null)));
    }

    /**
     * Creates a workspace with an ADMIN that has the given password hash; used by sign-up ({@code signupAccess} is
     * what a self-registered workspace may reach) and by the first start ({@code signupAccess} null: the operator's
     * own workspace, approved).
     */
    User createWorkspace(String workspaceName, EmailAddress email, String passwordHash, OutboundAccess signupAccess) {
        return createWorkspace(workspaceName, email, passwordHash, true, signupAccess);
    }

    /** As above; {@code passwordChosen} false for a provider's sign-up, whose stored password is an unusable one. */
    User createWorkspace(
            String workspaceName,
            EmailAddress email,
            String passwordHash,
            boolean passwordChosen,
            OutboundAccess signupAccess) {
        TenantId tenantId = TenantId.random();
        Instant now = clock.instant();
        try {
            return TenantContext.callAs(
                    tenantId.value(),
                    () -> tx.execute(s -> {
                        Tenant tenant = tenants.save(
                                signupAccess == null
                                        ? Tenant.create(tenantId, workspaceName, now)
                                        : Tenant.signUp(tenantId, workspaceName, signupAccess, now));
                        User admin = users.save(
                                passwordChosen
                                        ? User.withPassword(tenantId, email, Role.ADMIN, passwordHash, now)
                                        : User.withoutPassword(tenantId, email, Role.ADMIN, passwordHash, now));
                        events.publishEvent(new WorkspaceCreated(
                                tenantId.value(), tenant.name(), Actor.user(admin.id(), admin.email())));
                        return admin;
                    }));
        } catch (DbActionExecutionException e) {
            if (e.getCause() instanceof DuplicateKeyException) {
                throw ApiException.conflict("An account with this email already exists");
            }
            throw e;
        }
    }

    /** Signs in with e-mail and password. The same 401 for an unknown e-mail and a wrong password; 429 when throttled. */
    public TokenPair login(String email, String password, String clientAddress) {
        User user = verifyCredentials(email, password, clientAddress);
        return TenantContext.callAs(
                user.tenantId().value(),
                () -> tx.execute(s -> {
                    User fresh = users.findByTenantIdAndId(user.tenantId(), user.id())
                            .orElseThrow();
                    fresh.signedIn(clock.instant());
                    return issueTokens(users.save(fresh), null);
                }));
    }

    /** Checks e-mail and password for the dashboard's form sign-in; the same rules as {@link #login}. */
    public CurrentUser authenticate(String email, String password, String clientAddress) {
        User user = verifyCredentials(email, password, clientAddress);
        return TenantContext.callAs(
                user.tenantId().value(),
                () -> tx.execute(s -> {
                    User fresh = users.findByTenantIdAndId(user.tenantId(), user.id())
                            .orElseThrow();
                    fresh.signedIn(clock.instant());
                    return currentUser(users.save(fresh));
                }));
    }

    private User verifyCredentials(String email, String password, String clientAddress) {
        if (email == null || email.isBlank()) {
            throw ApiException.invalidField("email", "is required");
        }
        if (password == null || password.isEmpty()) {
            throw ApiException.invalidField("password", "is required");
        }
        throttle.checkAllowed(email, clientAddress);
        Optional<User> found = tryEmail(email)
                .flatMap(address -> directory
                        .ofLogin(address)
                        .flatMap(tenant -> TenantContext.callAs(
                                tenant.value(),
                                () -> tx.execute(s -> users.findByTenantIdAndEmail(tenant, address.value())))));
        boolean matches = passwords.matches(
                password, found.filter(User::canSignIn).map(User::passwordHash).orElse(DUMMY_HASH));
        if (found.isEmpty() || !found.get().canSignIn() || !matches) {
            log.info("Failed sign-in for {} from {}", email, clientAddress);
            throw ApiException.unauthorized(BAD_CREDENTIALS);
        }
        throttle.recordSuccess(email, clientAddress);
        boolean suspended = TenantContext.callAs(
                found.get().tenantId().value(),
                () -> tx.execute(s -> tenants.findById(found.get().tenantId())
                        .map(Tenant::suspended)
                        .orElse(true)));
        if (suspended) {
            throw ApiException.forbidden("This workspace is suspended; contact the operator of this installation");
        }
        return found.get();
    }

    /**
     * Exchanges a refresh token for a new pair; the presented token stops working. Presenting a token that was
     * already rotated revokes every token of that sign-in and answers 401.
     */
    public TokenPair refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw ApiException.invalidField("refreshToken", "is required");
        }
        String hash = SecretToken.hash(refreshToken);
        TenantId tenant =
                directory.ofRefreshToken(hash).orElseThrow(() -> ApiException.unauthorized("Invalid refresh token"));
        Object outcome = TenantContext.callAs(
                tenant.value(),
                () -> tx.execute(s -> {
                    Instant now = clock.instant();
                    RefreshToken token = refreshTokens
                            .findByTenantIdAndTokenHash(tenant, hash)
                            .orElse(null);
                    if (token == null) {
                        return "invalid";
                    }
                    if (token.wasRotated()) {
                        refreshTokens.revokeFamily(tenant, token.familyId(), now);
                        // the access tokens of that sign-in stop working now, not when they expire
                        revocations.revokeFamilyAccess(tenant, token.familyId(), now);
                        log.warn(
                                "Refresh token reuse detected for user {}; the whole sign-in was revoked",
                                token.userId());
                        return "reused";
                    }
                    if (!token.usable(now)) {
                        return "invalid";
                    }
                    User user = users.findByTenantIdAndId(tenant, token.userId())
                            .filter(User::canSignIn)
                            .orElse(null);
                    if (user == null) {
                        refreshTokens.revokeFamily(tenant, token.familyId(), now);
                        return "invalid";
                    }
                    token.rotate(now);
                    refreshTokens.save(token);
                    return issueTokens(user, token.familyId());
                }));
        if (outcome instanceof TokenPair pair) {
            return pair;
        }
        throw ApiException.unauthorized(
                "reused".equals(outcome) ? "Refresh token was already used; sign in again" : "Invalid refresh token");
    }

    /** Signs out: the access token stops working and, when given, the refresh token's whole sign-in is revoked. */
    public void logout(CurrentUser user, String accessTokenId, Instant accessTokenExpiry, String refreshToken) {
        Instant now = clock.instant();
        TenantContext.runAs(
                user.tenantId().value(),
                () -> tx.executeWithoutResult(s -> {
                    if (accessTokenId != null) {
                        revocations.revoke(user.tenantId(), accessTokenId, accessTokenExpiry);
                    }
                    if (refreshToken != null && !refreshToken.isBlank()) {
                        refreshTokens
                                .findByTenantIdAndTokenHash(user.tenantId(), SecretToken.hash(refreshToken))
                                .filter(t -> t.userId().equals(user.id()))
                                .ifPresent(t -> {
                                    refreshTokens.revokeFamily(user.tenantId(), t.familyId(), now);
                                    revocations.revokeFamilyAccess(user.tenantId(), t.familyId(), now);
                                });
                    }
                }));
    }

    /** Redeems an invitation: sets the password, and signs the user in. 401 when expired, used or unknown. */
    public TokenPair acceptInvitation(String token, String password) {
        if (token == null || token.isBlank()) {
            throw ApiException.invalidField("token", "is required");
        }
        PasswordPolicy.check("password", password);
        String hash = SecretToken.hash(token);
        TenantId tenant = directory
                .ofInvitation(hash)
                .orElseThrow(() -> new ApiException(ErrorCode.UNAUTHORIZED, "Invalid invitation"));
        String passwordHash = passwords.encode(password);
        return TenantContext.callAs(
                tenant.value(),
                () -> tx.execute(s -> {
                    Instant now = clock.instant();
                    Invitation invitation = invitations
                            .findByTenantIdAndTokenHash(tenant, hash)
                            .orElseThrow(() -> new ApiException(ErrorCode.UNAUTHORIZED, "Invalid invitation"));
                    invitation.accept(now);
                    invitations.save(invitation);
                    User user = users.findByTenantIdAndId(tenant, invitation.userId())
                            .orElseThrow(() -> new ApiException(ErrorCode.UNAUTHORIZED, "Invalid invitation"));
                    UserView before = UserView.of(user);
                    user.choosePassword(passwordHash, now);
                    user.signedIn(now);
                    User saved = users.save(user);
                    events.publishEvent(new UserChanged(
                            tenant.value(),
                            "user.invitation_accepted",
                            before,
                            UserView.of(saved),
                            Actor.user(saved.id(), saved.email())));
                    return issueTokens(saved, null);
                }));
    }

    /**
     * Verifies an access token the way the API does (signature, expiry, revocation, current role and active
     * state); for channels that cannot use the API's filter chain, such as WebSocket handshakes. Empty when invalid.
     */
    public Optional<VerifiedAccess> verifyAccessToken(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        if (ApiKeyAuthenticator.looksLikeApiKey(token)) {
            // a live stream is a read: the key needs the read scope
            try {
                ApiKeyAuthentication key = apiKeys.authenticate(token);
                return key.scopes().contains(ApiKeyScope.READ) ? Optional.of(key.access()) : Optional.empty();
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
        try {
            org.springframework.security.oauth2.jwt.Jwt jwt =
                    accessTokens.decoder().decode(token);
            Object version = jwt.getClaim(AccessTokens.PERMISSIONS_VERSION_CLAIM);
            return principals
                    .resolve(
                            TenantId.of(jwt.getClaimAsString(AccessTokens.TENANT_CLAIM)),
                            UserId.of(jwt.getSubject()),
                            version instanceof Number n ? n.intValue() : -1,
                            jwt.getId())
                    .map(user -> new VerifiedAccess(user, jwt.getId(), jwt.getExpiresAt()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The user with this e-mail when their workspace was created by the operator (not by self sign-up). */
    Optional<User> operatorCandidate(String email) {
        return tryEmail(email)
                .flatMap(address -> directory
                        .ofLogin(address)
                        .flatMap(tenant -> TenantContext.callAs(
                                tenant.value(),
                                () -> tx.execute(s -> tenants.findById(tenant)
                                        .filter(t -> !t.standing().selfRegistered())
                                        .flatMap(t -> users.findByTenantIdAndEmail(tenant, address.value()))))));
    }

    /** The workspace of the user with this e-mail, if there is one (for start-up tasks such as demo data). */
    public Optional<TenantId> workspaceOfLogin(String email) {
        try {
            return directory.ofLogin(new EmailAddress(email));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The bearer credential behind a request's authentication, for a long-lived stream to re-check with
     * {@link #isStillAuthorized}: a signed access token's id and expiry, or an API key's. Empty for sessions.
     */
    public Optional<VerifiedAccess> credentialOf(org.springframework.security.core.Authentication authentication) {
        if (authentication instanceof BearerAuthentication bearer) {
            return Optional.of(new VerifiedAccess(
                    bearer.getPrincipal(),
                    bearer.getCredentials().getId(),
                    bearer.getCredentials().getExpiresAt()));
        }
        if (authentication instanceof ApiKeyAuthentication key) {
            return Optional.of(key.access());
        }
        return Optional.empty();
    }

    /**
     * Whether a long-lived connection (a live stream) opened by {@code user} may continue: the user is still
     * active with the same permissions and, for token connections, the token is unexpired and not signed out (an
     * API key: not revoked).
     */
    public boolean isStillAuthorized(CurrentUser user, String accessTokenId, Instant accessTokenExpiry) {
        if (accessTokenExpiry != null && !clock.instant().isBefore(accessTokenExpiry)) {
            return false;
        }
        try {
            if (accessTokenId != null && accessTokenId.startsWith(ApiKeyAuthenticator.STREAM_ID)) {
                return apiKeys.stillValid(accessTokenId)
                        && principals
                                .resolve(user.tenantId(), user.id(), user.permissionsVersion(), null)
                                .isPresent();
            }
            return principals
                    .resolve(user.tenantId(), user.id(), user.permissionsVersion(), accessTokenId)
                    .isPresent();
        } catch (RuntimeException e) {
            return true; // a database hiccup is not a reason to cut every stream; the next check decides
        }
    }

    TokenPair issueTokens(User user, UUID family) {
        Instant now = clock.instant();
        SecretToken secret = SecretToken.generate();
        RefreshToken refresh = refreshTokens.save(RefreshToken.issue(
                user.tenantId(),
                user.id(),
                family == null ? UUID.randomUUID() : family,
                secret,
                now,
                properties.refreshTokenTtl()));
        AccessTokens.Issued access =
                accessTokens.issue(user.id(), user.tenantId(), user.role(), user.permissionsVersion());
        revocations.linkAccessToken(user.tenantId(), refresh.id(), access.jti(), access.expiresAt());
        return TokenPair.bearer(access.token(), secret.value(), accessTokens.ttlSeconds());
    }

    CurrentUser currentUser(User user) {
        String tenantName = tenants.findById(user.tenantId()).map(Tenant::name).orElse("");
        return new CurrentUser(
                user.tenantId(), user.id(), user.email(), user.role(), user.permissionsVersion(), tenantName);
    }

    private static EmailAddress email(String value) {
        try {
            return new EmailAddress(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("email", "must be a valid e-mail address");
        }
    }

    private static Optional<EmailAddress> tryEmail(String value) {
        try {
            return Optional.of(new EmailAddress(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
