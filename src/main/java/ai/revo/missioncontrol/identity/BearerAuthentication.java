package ai.revo.missioncontrol.identity;

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

    BearerAuthentication(CurrentUser user, Jwt token) {
        this(user, token, List.of(new SimpleGrantedAuthority(user.role().authority())));
    }

    BearerAuthentication(CurrentUser user, Jwt token, java.util.Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.user = user;
        this.token = token;
        setAuthenticated(true);
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
