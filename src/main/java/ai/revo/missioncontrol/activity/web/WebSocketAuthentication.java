package ai.revo.missioncontrol.activity.web;

import ai.revo.missioncontrol.identity.AuthManagement;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.identity.VerifiedAccess;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Authenticates a WebSocket handshake by the dashboard session, or by a bearer access token in the
 * {@code Authorization} header or the {@code access_token} query parameter (browsers cannot set headers on
 * WebSockets). Anything else is refused with 401 before the upgrade.
 */
final class WebSocketAuthentication implements HandshakeInterceptor {

    static final String USER = "currentUser";
    static final String TOKEN_ID = "accessTokenId";
    static final String TOKEN_EXPIRY = "accessTokenExpiry";

    private final AuthManagement auth;

    WebSocketAuthentication(AuthManagement auth) {
        this.auth = auth;
    }

    @Override
    public boolean beforeHandshake(
            ServerHttpRequest request,
            ServerHttpResponse response,
            WebSocketHandler handler,
            Map<String, Object> attributes) {
        Optional<CurrentUser> session = fromSession();
        if (session.isPresent()) {
            attributes.put(USER, session.get());
            return true;
        }
        Optional<VerifiedAccess> token = auth.verifyAccessToken(bearer(request));
        if (token.isEmpty()) {
            response.setStatusCode(HttpStatus.UNAUTHORIZED);
            return false;
        }
        attributes.put(USER, token.get().user());
        attributes.put(TOKEN_ID, token.get().tokenId());
        if (token.get().expiresAt() != null) {
            attributes.put(TOKEN_EXPIRY, token.get().expiresAt());
        }
        return true;
    }

    @Override
    public void afterHandshake(
            ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler, Exception exception) {}

    private static Optional<CurrentUser> fromSession() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof CurrentUser user
                ? Optional.of(user)
                : Optional.empty();
    }

    private static String bearer(ServerHttpRequest request) {
        String header = request.getHeaders().getFirst("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).trim();
        }
        return UriComponentsBuilder.fromUri(request.getURI())
                .build()
                .getQueryParams()
                .getFirst("access_token");
    }
}
