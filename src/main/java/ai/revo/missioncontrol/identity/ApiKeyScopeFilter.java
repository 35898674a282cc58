package ai.revo.missioncontrol.identity;

import ai.revo.missioncontrol.platform.ErrorCode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses (403, in the API's error shape) a request made with an API key that lacks the scope the request needs
 * ({@link ApiKeyScope#requiredFor}). The role checks still apply after it: a scope never lifts a role's limits.
 */
class ApiKeyScopeFilter extends OncePerRequestFilter {

    private final ObjectMapper json;

    ApiKeyScopeFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof ApiKeyAuthentication key) {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            ApiKeyScope needed = ApiKeyScope.requiredFor(request.getMethod(), path);
            if (!key.scopes().contains(needed)) {
                SecurityConfiguration.writeError(
                        json,
                        response,
                        ErrorCode.FORBIDDEN,
                        "This API key does not have the '" + needed.wireName() + "' scope",
                        Map.of(
                                "requiredScope",
                                needed.wireName(),
                                "scopes",
                                key.scopes().stream()
                                        .sorted()
                                        .map(ApiKeyScope::wireName)
                                        .toList()));
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
