package ai.revo.missioncontrol.identity;

import ai.revo.missioncontrol.platform.Actor;
import java.io.Serializable;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The signed-in user of a request, resolved from the bearer token or the dashboard session. Controllers take it as
 * a parameter.
 */
public record CurrentUser(
        TenantId tenantId, UserId id, String email, Role role, int permissionsVersion, String tenantName)
        implements Serializable, AuthenticatedPrincipal {

    /** The principal's name as security and session stores see it: the user id (stable across email changes). */
    @Override
    public String getName() {
        return id.toString();
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** This user as the actor of events and audit entries. */
    public Actor actor() {
        return Actor.user(id, email);
    }

    public boolean canWrite() {
        return role != Role.VIEWER;
    }
}
