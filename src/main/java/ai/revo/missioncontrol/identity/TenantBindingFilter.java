package ai.revo.missioncontrol.identity;

import ai.revo.missioncontrol.platform.TenantContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Binds the signed-in user's tenant to the request thread (and the log context) for the rest of the request. For
 * dashboard sessions it first re-checks the user: a deactivated user or one whose role changed is signed out.
 */
class TenantBindingFilter extends OncePerRequestFilter {

    private final Principals sessionCheck;

    /** @param sessionCheck when not null, session principals are re-checked against the database */
    TenantBindingFilter(Principals sessionCheck) {
        this.sessionCheck = sessionCheck;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof CurrentUser user)) {
            chain.doFilter(request, response);
            return;
        }
        if (sessionCheck != null) {
            Optional<CurrentUser> fresh =
                    sessionCheck.resolve(user.tenantId(), user.id(), user.permissionsVersion(), null);
            if (fresh.isEmpty()) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                response.sendRedirect("/login?expired");
                return;
            }
        }
        TenantContext.bind(user.tenantId().value());
        MDC.put("tenantId", user.tenantId().toString());
        MDC.put("userId", user.id().toString());
        try {
            chain.doFilter(request, response);
        } finally {
            TenantContext.clear();
            MDC.remove("tenantId");
            MDC.remove("userId");
        }
    }
}
