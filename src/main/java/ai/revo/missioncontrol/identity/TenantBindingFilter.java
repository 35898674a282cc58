package ai.revo.missioncontrol.identity;

import ai.revo.missioncontrol.platform.TenantContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.MDC;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Binds the signed-in user's tenant to the request thread (and the log context) for the rest of the request. For
 * dashboard sessions it first re-checks the user: a deactivated user or one whose role changed is signed out.
 */
class TenantBindingFilter extends OncePerRequestFilter {

    /** The authority of the installation's operators (not a workspace role). */
    static final String INSTANCE_OPERATOR = "ROLE_INSTANCE_OPERATOR";

    private final Principals sessionCheck;
    private final InstanceOperators operators;

    /**
     * @param sessionCheck when not null, session principals are re-checked against the database
     * @param operators    instance operators get the INSTANCE_OPERATOR authority for this request, read fresh each
     *                     time so a revoked operator loses it at once
     */
    TenantBindingFilter(Principals sessionCheck, InstanceOperators operators) {
        this.sessionCheck = sessionCheck;
        this.operators = operators;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof CurrentUser user)) {
            chain.doFilter(request, response);
            return;
        }
        // the operator authority: decided by the same look-up as the principal where there was one
        boolean operator;
        if (sessionCheck != null) {
            Optional<Principals.Resolved> fresh =
                    sessionCheck.resolveWithStanding(user.tenantId(), user.id(), user.permissionsVersion(), null);
            if (fresh.isEmpty()) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                response.sendRedirect("/login?expired");
                return;
            }
            operator = fresh.get().operator();
        } else if (authentication instanceof BearerAuthentication bearer && bearer.operatorResolved()) {
            operator = false; // already among the token's authorities when the user is an operator
        } else if (authentication instanceof ApiKeyAuthentication) {
            operator = false; // an API key acts in its workspace only, never as the installation's operator
        } else {
            operator = operators.isOperator(user.id());
        }
        if (operator) {
            List<GrantedAuthority> authorities = new ArrayList<>(authentication.getAuthorities());
            authorities.add(new SimpleGrantedAuthority(INSTANCE_OPERATOR));
            Authentication elevated;
            if (authentication instanceof BearerAuthentication bearer) {
                elevated = new BearerAuthentication(user, bearer.getCredentials(), authorities, true);
            } else {
                UsernamePasswordAuthenticationToken session =
                        UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
                session.setDetails(authentication.getDetails());
                elevated = session;
            }
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(elevated);
            SecurityContextHolder.setContext(context);
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
