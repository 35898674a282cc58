package ai.revo.missioncontrol.identity;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A request authenticated by an access token. Keeps the token (unlike a username/password token, whose credentials
 * Spring Security erases) so that signing out can revoke exactly this token.
 */
public final class BearerAuthentication extends AbstractAuthenticationToken {

    private final CurrentUser user;
    private final transient Jwt token;
    /** Whether the operator authority was decided with the principal (true: no second look-up needed). */
    private final boolean operatorResolved;

    BearerAuthentication(
            CurrentUser user,
            Jwt token,
            java.util.Collection<? extends GrantedAuthority> authorities,
            boolean operatorResolved) {
        super(authorities);
        this.user = user;
        this.token = token;
        this.operatorResolved = operatorResolved;
        setAuthenticated(true);
    }

    /** The principal as resolved in one look-up, the operator authority included when the user has it. */
    static BearerAuthentication of(Principals.Resolved resolved, Jwt token) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(resolved.user().role().authority()));
        if (resolved.operator()) {
            authorities.add(new SimpleGrantedAuthority(TenantBindingFilter.INSTANCE_OPERATOR));
        }
        return new BearerAuthentication(resolved.user(), token, authorities, true);
    }

    boolean operatorResolved() {
        return operatorResolved;
    }

    @Override
    public CurrentUser getPrincipal() {
        return user;
    }

    @Override
    public Jwt getCredentials() {
        return token;
    }

    @Override
    public String getName() {
        return user.email();
    }
}
