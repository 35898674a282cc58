package ai.revo.missioncontrol.identity;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import ai.revo.missioncontrol.platform.SortOrder;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.relational.core.conversion.DbActionExecutionException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The users of a workspace: listing, adding (with a password or an invitation), changing roles, deactivating.
 * Every method works inside the given tenant; ids of other tenants are answered as not found.
 */
@Service
public class UserManagement {

    private final UserRepository users;
    private final TenantRepository tenants;
    private final InvitationRepository invitations;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordEncoder passwords;
    private final TenantDirectory directory;
    private final IdentityProperties properties;
    private final ApplicationEventPublisher events;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final Clock clock;

    UserManagement(
            UserRepository users,
            TenantRepository tenants,
            InvitationRepository invitations,
            RefreshTokenRepository refreshTokens,
            PasswordEncoder passwords,
            TenantDirectory directory,
            IdentityProperties properties,
            ApplicationEventPublisher events,
            org.springframework.jdbc.core.simple.JdbcClient jdbc,
            Clock clock) {
        this.users = users;
        this.tenants = tenants;
        this.invitations = invitations;
        this.refreshTokens = refreshTokens;
        this.passwords = passwords;
        this.directory = directory;
        this.properties = properties;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Fields a user list can be sorted by. */
    public static final java.util.Set<String> SORTABLE = java.util.Set.of("email", "role", "createdAt", "lastLoginAt");

    /** A page of the workspace's users, sorted by one of {@link #SORTABLE} (oldest first by default). */
    @Transactional(readOnly = true)
    public PageResult<UserView> list(TenantId tenant, PageQuery page, SortOrder sort) {
        long total = users.countByTenantId(tenant);
        Sort order = Sort.by(sort.ascending() ? Sort.Direction.ASC : Sort.Direction.DESC, sort.field())
                .and(Sort.by("id"));
        return PageResult.of(
                users
                        .findByTenantIdAndDeletedAtIsNull(tenant, PageRequest.of(page.page() - 1, page.limit(), order))
                        .stream()
                        .map(UserView::of)
                        .toList(),
                page,
                total);
    }

    @Transactional(readOnly = true)
    public PageResult<UserView> list(TenantId tenant, PageQuery page) {
        return list(tenant, page, SortOrder.of(null, null, SORTABLE, "createdAt", true));
    }

    /** Returns the user, or 404 when there is no such user in this workspace. */
    @Transactional(readOnly = true)
    public UserView get(TenantId tenant, UserId id) {
        return UserView.of(load(tenant, id));
    }

    @Transactional(readOnly = true)
    public WorkspaceView workspace(TenantId tenant) {
        return tenants.findById(tenant)
                .map(WorkspaceView::of)
                .orElseThrow(() -> ApiException.notFound("Workspace", tenant));
    }

    /** The workspace's standing with the instance operator (suspended, sandboxed, its limits); read at every send. */
    @Transactional(readOnly = true)
    public WorkspaceStanding standing(TenantId tenant) {
        return tenants.findById(tenant)
                .map(Tenant::standing)
                .orElseThrow(() -> ApiException.notFound("Workspace", tenant));
    }

    /**
     * Whether {@code email} is the address of one of the workspace's own (not deleted) users: the only recipients a
     * sandboxed workspace may reach. False for anything that is not an e-mail address.
     */
    @Transactional(readOnly = true)
    public boolean isOwnUsersAddress(TenantId tenant, String email) {
        if (email == null || email.isBlank()) {
            return false;
        }
        String address = email.trim().toLowerCase(java.util.Locale.ROOT);
        return users.findByTenantIdAndEmail(tenant, address)
                .filter(u -> u.deletedAt() == null)
                .isPresent();
    }

    /**
     * Adds a user. With a password they can sign in at once; without, the answer carries a one-time invitation link
     * valid for the configured time. 409 when the e-mail is used anywhere on this installation.
     */
    @Transactional
    public NewUser add(TenantId tenant, Actor addedBy, String email, Role role, String password) {
        EmailAddress address;
        try {
            address = new EmailAddress(email);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("email", "must be a valid e-mail address");
        }
        if (role == null) {
            throw ApiException.invalidField("role", "is required");
        }
        if (directory.ofLogin(address).isPresent()) {
            throw ApiException.conflict("A user with this email already exists");
        }
        Instant now = clock.instant();
        try {
            if (password != null) {
                PasswordPolicy.check("password", password);
                User user = users.save(User.withPassword(tenant, address, role, passwords.encode(password), now));
                events.publishEvent(new UserChanged(tenant.value(), "user.added", null, UserView.of(user), addedBy));
                return new NewUser(UserView.of(user), null);
            }
            User user = users.save(User.invited(tenant, address, role, now));
            SecretToken secret = SecretToken.generate();
            Invitation invitation = invitations.save(Invitation.create(
                    tenant, user.id(), UserId.of(addedBy.id()), secret, now, properties.invitationTtl()));
            events.publishEvent(new UserChanged(tenant.value(), "user.invited", null, UserView.of(user), addedBy));
            String url = properties.publicUrl().replaceAll("/+$", "") + "/accept-invite?token=" + secret.value();
            return new NewUser(UserView.of(user), new InvitationView(secret.value(), url, invitation.expiresAt()));
        } catch (DbActionExecutionException e) {
            if (e.getCause() instanceof DuplicateKeyException) {
                throw ApiException.conflict("A user with this email already exists");
            }
            throw e;
        }
    }

    /**
     * Changes a user's role and/or active flag. Either change signs them out everywhere at once. 409 when it would
     * leave the workspace without an active admin.
     */
    @Transactional
    public UserView update(TenantId tenant, UserId id, Optional<Role> role, Optional<Boolean> active, Actor actor) {
        // one change to a workspace's users at a time, so two admins cannot remove each other concurrently
        jdbc.sql("select id from tenants where id = ? for update")
                .param(tenant.value())
                .query(java.util.UUID.class)
                .optional();
        User user = load(tenant, id);
        UserView before = UserView.of(user);
        Instant now = clock.instant();
        boolean wasActiveAdmin = user.role() == Role.ADMIN && user.canSignIn();
        role.ifPresent(r -> user.changeRole(r, now));
        active.ifPresent(a -> {
            if (a) {
                user.activate(now);
            } else {
                user.deactivate(now);
            }
        });
        boolean stillActiveAdmin = user.role() == Role.ADMIN && user.canSignIn();
        if (wasActiveAdmin && !stillActiveAdmin && users.countActiveAdmins(tenant) <= 1) {
            throw ApiException.conflict("A workspace needs at least one active admin");
        }
        if (!user.active()) {
            refreshTokens.revokeAllOfUser(tenant, id, now);
        }
        UserView after = UserView.of(users.save(user));
        if (before.role() != after.role()) {
            events.publishEvent(new UserChanged(tenant.value(), "user.role_changed", before, after, actor));
        }
        if (before.active() != after.active()) {
            events.publishEvent(new UserChanged(
                    tenant.value(), after.active() ? "user.activated" : "user.deactivated", before, after, actor));
        }
        return after;
    }

    private User load(TenantId tenant, UserId id) {
        return users.findByTenantIdAndId(tenant, id).orElseThrow(() -> ApiException.notFound("User", id));
    }
}
