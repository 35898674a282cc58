package ai.revo.missioncontrol.identity;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns a token's or a session's claims into the {@link CurrentUser}, refusing users who were deactivated, whose
 * role changed since the claims were issued, whose access token was signed out, or whose workspace is suspended.
 *
 * <p>Every authenticated request comes through here, so the checks are one statement ({@code identity_principal},
 * V0105) rather than a transaction of several: one round trip to the database per request. Nothing is cached, so a
 * sign-out, a role change, a deactivation or a suspension takes effect on the very next request, on every node.
 */
@Component
class Principals {

    /** A resolved principal and whether the user also operates the installation. */
    record Resolved(CurrentUser user, boolean operator) {}

    private final JdbcClient jdbc;

    Principals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CurrentUser> resolve(TenantId tenant, UserId userId, int permissionsVersion, String accessTokenId) {
        return resolveWithStanding(tenant, userId, permissionsVersion, accessTokenId)
                .map(Resolved::user);
    }

    /** The user as they are now (role included), for credentials that carry no permissions version (API keys). */
    Optional<CurrentUser> resolveCurrent(TenantId tenant, UserId userId) {
        return query(tenant, userId, null).map(Resolved::user);
    }

    Optional<Resolved> resolveWithStanding(
            TenantId tenant, UserId userId, int permissionsVersion, String accessTokenId) {
        return query(tenant, userId, accessTokenId).filter(r -> r.user().permissionsVersion() == permissionsVersion);
    }

    private Optional<Resolved> query(TenantId tenant, UserId userId, String accessTokenId) {
        return jdbc.sql("select email, role, permissions_version, workspace_name, operator"
                        + " from identity_principal(?, ?, ?)")
                .params(tenant.value(), userId.value(), accessTokenId)
                .query((rs, n) -> new Resolved(
                        new CurrentUser(
                                tenant,
                                userId,
                                rs.getString("email"),
                                Role.valueOf(rs.getString("role")),
                                rs.getInt("permissions_version"),
                                rs.getString("workspace_name")),
                        rs.getBoolean("operator")))
                .optional();
    }
}
