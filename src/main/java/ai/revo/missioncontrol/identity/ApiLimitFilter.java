package ai.revo.missioncontrol.identity;

import ai.revo.missioncontrol.platform.ErrorCode;
import ai.revo.missioncontrol.platform.TenantContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies the API limits to a request once its caller is known: inbound provider webhooks by their kind, API calls
 * by their workspace (and API key), the dashboard's own requests by their workspace. Every counted answer carries
 * {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset}; over the limit it is 429 in the
 * API's error shape with {@code Retry-After}, and the request goes no further. Sign-in, static files and the operator
 * console are not counted (sign-in has its own throttle).
 */
class ApiLimitFilter extends OncePerRequestFilter {

    private final ApiLimits limits;
    private final ObjectMapper json;
    private final boolean dashboard;

    ApiLimitFilter(ApiLimits limits, ObjectMapper json, boolean dashboard) {
        this.limits = limits;
        this.json = json;
        this.dashboard = dashboard;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!limits.enabled) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI();
        if (dashboard && uncounted(path)) {
            chain.doFilter(request, response);
            return;
        }
        ApiLimits.Decision decision = null;
        if (!dashboard && (path.startsWith("/api/v1/webhooks/") || path.startsWith("/api/v1/ingest/"))) {
            decision = limits.take("hook:" + hookKind(path), limits.webhooks);
        } else {
            Optional<UUID> tenant = TenantContext.current();
            if (tenant.isPresent()) {
                if (dashboard) {
                    decision = limits.take("ui:" + tenant.get(), limits.dashboard);
                } else {
                    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                    if (auth instanceof ApiKeyAuthentication key) {
                        decision = limits.take("key:" + key.keyId(), limits.apiKey);
                    }
                    if (decision == null || decision.allowed()) {
                        ApiLimits.Decision workspace = limits.take("api:" + tenant.get(), limits.api);
                        decision = decision == null || !workspace.allowed() ? workspace : tighter(decision, workspace);
                    }
                }
            }
        }
        if (decision == null) {
            chain.doFilter(request, response);
            return;
        }
        ApiLimits.Budget budget = decision.budget();
        response.setHeader("RateLimit-Limit", Integer.toString(budget.burst()));
        response.setHeader("RateLimit-Remaining", Long.toString((long) Math.floor(Math.max(0, decision.tokensLeft()))));
        response.setHeader("RateLimit-Reset", Long.toString(budget.secondsUntilFull(decision.tokensLeft())));
        response.setHeader(
                "RateLimit-Policy", budget.burst() + ";w=" + Math.max(1, 60L * budget.burst() / budget.perMinute()));
        if (decision.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        long retryAfter = budget.secondsUntilOne(decision.tokensLeft());
        response.setHeader("Retry-After", Long.toString(retryAfter));
        SecurityConfiguration.writeError(
                json,
                response,
                ErrorCode.RATE_LIMIT_EXCEEDED,
                "Too many requests for the " + budget.name() + " limit (" + budget.burst() + " at once, "
                        + budget.perMinute() + " a minute); try again in " + retryAfter + " s",
                Map.of("retryAfterSeconds", retryAfter, "limit", budget.name()));
    }

    /** Static files, health and the WebSocket handshake are not the dashboard's work. */
    private static boolean uncounted(String path) {
        return path.startsWith("/webjars/")
                || path.startsWith("/css/")
                || path.startsWith("/js/")
                || path.startsWith("/img/")
                || path.startsWith("/actuator/")
                || path.startsWith("/ws/")
                || path.equals("/favicon.ico")
                || path.equals("/health");
    }

    /** The decision with fewer tokens left: that is the limit the caller runs into first. */
    private static ApiLimits.Decision tighter(ApiLimits.Decision a, ApiLimits.Decision b) {
        return a.tokensLeft() <= b.tokensLeft() ? a : b;
    }

    /** {@code /api/v1/webhooks/whatsapp} → whatsapp; {@code /api/v1/ingest/…} → ingest; email tracking → email. */
    static String hookKind(String path) {
        if (path.startsWith("/api/v1/ingest/")) {
            return "ingest";
        }
        String rest = path.substring("/api/v1/webhooks/".length());
        int slash = rest.indexOf('/');
        String kind = slash < 0 ? rest : rest.substring(0, slash);
        return kind.matches("[a-z0-9-]{1,40}") ? kind : "other";
    }
}
