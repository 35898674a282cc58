package ai.revo.missioncontrol.identity;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request authenticated by an API key: the key's user with their current role (never more), limited to the key's
 * scopes. Never carries the installation operator's authority.
 */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final CurrentUser user;
    private final UUID keyId;
    private final Set<ApiKeyScope> scopes;
    private final String tokenHash;
    private final java.time.Instant expiresAt;

    ApiKeyAuthentication(
            CurrentUser user, UUID keyId, Set<ApiKeyScope> scopes, String tokenHash, java.time.Instant expiresAt) {
        super(List.of(new SimpleGrantedAuthority(user.role().authority())));
        this.user = user;
        this.keyId = keyId;
        this.scopes = Set.copyOf(scopes);
        this.tokenHash = tokenHash;
        this.expiresAt = expiresAt;
        setAuthenticated(true);
    }

    /** The key as a long-lived stream re-checks it: its id for streams is {@link ApiKeyAuthenticator#STREAM_ID}. */
    VerifiedAccess access() {
        return new VerifiedAccess(user, ApiKeyAuthenticator.STREAM_ID + tokenHash, expiresAt);
    }

    UUID keyId() {
        return keyId;
    }

    Set<ApiKeyScope> scopes() {
        return scopes;
    }

    @Override
    public CurrentUser getPrincipal() {
        return user;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return user.email();
    }
}
