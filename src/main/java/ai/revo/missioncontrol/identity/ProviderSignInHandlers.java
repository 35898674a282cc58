package ai.revo.missioncontrol.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The end of a provider's sign-in on the dashboard. Spring Security has checked the state (against the request kept
 * in the session), exchanged the code with the PKCE verifier and verified the ID token and its nonce; this turns the
 * provider's identity into our user (or a refusal page) and keeps only our own principal in the session.
 */
final class ProviderSignInHandlers {

    private static final Logger log = LoggerFactory.getLogger(ProviderSignInHandlers.class);

    private final ExternalSignIns signIns;
    private final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

    ProviderSignInHandlers(ExternalSignIns signIns) {
        this.signIns = signIns;
    }

    AuthenticationSuccessHandler success() {
        return (request, response, authentication) -> {
            ExternalSignIns.Outcome outcome = signIns.signIn(claims(authentication));
            if (!outcome.signedIn()) {
                refuse(request, response, outcome.refusal());
                return;
            }
            UsernamePasswordAuthenticationToken session = SecurityConfiguration.authenticated(outcome.user());
            session.setDetails(new WebAuthenticationDetailsSource().buildDetails(request));
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(session);
            SecurityContextHolder.setContext(context);
            contexts.saveContext(context, request, response);
            response.sendRedirect("/");
        };
    }

    /** A tampered or replayed state, a wrong nonce, a refused code: nobody is signed in. */
    AuthenticationFailureHandler failure() {
        return (request, response, e) -> {
            log.info("A provider sign-in failed: {}", e.getMessage());
            refuse(request, response, SignInRefusal.PROVIDER_ERROR);
        };
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, SignInRefusal reason)
            throws IOException {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        response.sendRedirect("/login/refused?reason=" + reason.name());
    }

    static ExternalSignIns.Claims claims(Authentication authentication) {
        if (!(authentication instanceof OAuth2AuthenticationToken token)
                || !(token.getPrincipal() instanceof OidcUser user)) {
            throw new IllegalStateException("not an OpenID Connect sign-in");
        }
        return claims(token.getAuthorizedClientRegistrationId(), user);
    }

    static ExternalSignIns.Claims claims(String provider, OidcUser user) {
        return new ExternalSignIns.Claims(
                provider,
                user.getSubject(),
                user.getEmail() == null ? null : user.getEmail().trim().toLowerCase(java.util.Locale.ROOT),
                Boolean.TRUE.equals(user.getEmailVerified()),
                user.getFullName());
    }
}
