package ai.revo.missioncontrol.identity;

import ai.revo.missioncontrol.platform.TenantContext;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a token's or a session's claims into the {@link CurrentUser}, refusing users who were deactivated, whose
 * role changed since the claims were issued, whose access token was signed out, or whose workspace is suspended.
 */
@Component
class Principals {

    private final UserRepository users;
    private final TenantRepository tenants;
    private final TokenRevocations revocations;
    private final TransactionTemplate tx;

    Principals(UserRepository users, TenantRepository tenants, TokenRevocations revocations, TransactionTemplate tx) {
        this.users = users;
        this.tenants = tenants;
        this.revocations = revocations;
        this.tx = tx;
    }

    Optional<CurrentUser> resolve(TenantId tenant, UserId userId, int permissionsVersion, String accessTokenId) {
        return TenantContext.callAs(
                tenant.value(),
                () -> tx.execute(s -> {
                    if (accessTokenId != null && revocations.isRevoked(tenant, accessTokenId)) {
                        return Optional.<CurrentUser>empty();
                    }
                    Optional<Tenant> workspace = tenants.findById(tenant);
                    if (workspace.isEmpty() || workspace.get().suspended()) {
                        return Optional.<CurrentUser>empty();
                    }
                    return users.findByTenantIdAndId(tenant, userId)
                            .filter(User::canSignIn)
                            .filter(u -> u.permissionsVersion() == permissionsVersion)
                            .map(u -> new CurrentUser(
                                    tenant,
                                    u.id(),
                                    u.email(),
                                    u.role(),
                                    u.permissionsVersion(),
                                    workspace.get().name()));
                }));
    }
}
