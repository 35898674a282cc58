package ai.revo.missioncontrol.identity;

import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorBody;
import ai.revo.missioncontrol.platform.ErrorCode;
import ai.revo.missioncontrol.platform.RateLimitExceeded;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Two filter chains. The API ({@code /api/**}) is stateless: bearer access tokens, no session, no CSRF. The
 * dashboard uses form sign-in with a session cookie and CSRF protection. In both, VIEWER is read-only: any
 * non-GET request from a VIEWER is refused, except signing out, the user's own preferences and API keys. The API
 * takes two kinds of bearer token: signed access tokens (JWT) and API keys ({@code mc_pat_...}), the latter limited
 * to their scopes by {@link ApiKeyScopeFilter}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String[] WRITERS = {"ADMIN", "OPERATOR", "CLOSER", "FINANCE"};

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(
            HttpSecurity http,
            AccessTokens tokens,
            Principals principals,
            InstanceOperators operators,
            ApiKeyAuthenticator apiKeys,
            ApiLimits limits,
            ObjectMapper json,
            @org.springframework.beans.factory.annotation.Value("${server.servlet.session.cookie.secure:false}")
                    boolean httpsOnly,
            @org.springframework.beans.factory.annotation.Value("${mc.cors.origins:}") String corsOrigins)
            throws Exception {
        AuthenticationEntryPoint entryPoint = (request, response, e) -> writeError(
                json,
                response,
                ErrorCode.UNAUTHORIZED,
                e instanceof ApiKeyAuthenticator.Rejected
                        ? e.getMessage()
                        : e instanceof InvalidBearerTokenException || hasBearer(request)
                                ? "Access token is invalid, expired or revoked"
                                : "Authentication required");
        // one bearer header, two kinds of token: an API key (mc_pat_...) or a signed access token (JWT)
        JwtAuthenticationProvider jwtProvider = new JwtAuthenticationProvider(tokens.decoder());
        jwtProvider.setJwtAuthenticationConverter(j -> authenticate(j, principals));
        AuthenticationManager bearerTokens = authentication -> {
            if (authentication instanceof BearerTokenAuthenticationToken bearer
                    && ApiKeyAuthenticator.looksLikeApiKey(bearer.getToken())) {
                return apiKeys.authenticate(bearer.getToken());
            }
            return jwtProvider.authenticate(authentication);
        };
        AccessDeniedHandler denied = (request, response, e) ->
                writeError(json, response, ErrorCode.FORBIDDEN, "Your role does not allow this action");
        var cors = BrowserHardening.cors(corsOrigins);
        if (cors != null) {
            http.cors(c -> c.configurationSource(cors));
        }
        http.securityMatcher("/api/**")
                .headers(BrowserHardening.headers(httpsOnly))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                HttpMethod.POST,
                                "/api/v1/auth/signup",
                                "/api/v1/auth/login",
                                "/api/v1/auth/refresh",
                                "/api/v1/auth/accept-invite",
                                "/api/v1/auth/oidc/*/authorize",
                                "/api/v1/auth/oidc/*/token")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/auth/providers")
                        .permitAll()
                        // email tracking: signed links and X-MC-Signature webhooks authenticate themselves
                        .requestMatchers("/api/v1/webhooks/email/**")
                        .permitAll()
                        // Meta's WhatsApp webhook: the verify token and X-Hub-Signature-256 authenticate it
                        .requestMatchers("/api/v1/webhooks/whatsapp")
                        .permitAll()
                        // Twilio's SMS status callbacks and messages: the key in the URL and X-Twilio-Signature
                        .requestMatchers(HttpMethod.POST, "/api/v1/webhooks/sms/twilio/*")
                        .permitAll()
                        // Vapi's server messages for a site: the site's secret or Vapi's HMAC authenticates them
                        .requestMatchers(HttpMethod.POST, "/api/v1/webhooks/voice/vapi/*")
                        .permitAll()
                        // sites' ingest endpoints: the site's signature or secret is the authentication
                        .requestMatchers(HttpMethod.POST, "/api/v1/ingest/*")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/logout")
                        .authenticated()
                        // the user's own preferences and notifications: every role, VIEWER included
                        .requestMatchers("/api/v1/me/**")
                        .authenticated()
                        // the user's own API keys: every role (a VIEWER's keys can only read)
                        .requestMatchers("/api/v1/api-keys", "/api/v1/api-keys/**")
                        .authenticated()
                        // asking the knowledge base a question reads only: every role, VIEWER included
                        .requestMatchers(HttpMethod.POST, "/api/v1/knowledge/search")
                        .authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/**")
                        .authenticated()
                        .requestMatchers(HttpMethod.HEAD, "/api/**")
                        .authenticated()
                        .anyRequest()
                        .hasAnyRole(WRITERS))
                .oauth2ResourceServer(rs -> rs.authenticationManagerResolver(request -> bearerTokens)
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(denied))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .addFilterAfter(new ApiKeyScopeFilter(json), BearerTokenAuthenticationFilter.class)
                .addFilterAfter(new TenantBindingFilter(null, operators), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new ApiLimitFilter(limits, json, false), TenantBindingFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageChain(
            HttpSecurity http,
            AuthManagement auth,
            Principals principals,
            InstanceOperators operators,
            ApiLimits limits,
            ObjectMapper json,
            SignInProviders providers,
            ExternalSignIns externalSignIns,
            @org.springframework.beans.factory.annotation.Value("${server.servlet.session.cookie.secure:false}")
                    boolean httpsOnly)
            throws Exception {
        http.headers(BrowserHardening.headers(httpsOnly));
        http.authorizeHttpRequests(a -> a.requestMatchers(
                                "/login",
                                "/login/refused",
                                // a provider's sign-in: its start and the provider's redirect back
                                "/oauth2/authorization/*",
                                "/login/oauth2/code/*",
                                "/accept-invite",
                                "/health",
                                "/error",
                                "/error/**",
                                "/webjars/**",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/favicon.ico",
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/swagger-ui.html",
                                "/swagger-ui/**",
                                "/actuator/health",
                                "/actuator/prometheus",
                                // the handshake authenticates itself: session or bearer token
                                "/ws/**",
                                // recipients unsubscribe without an account; the signed token is the protection
                                "/unsubscribe")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/logout")
                        .authenticated()
                        // the shell's own preferences and notification marks: every role, VIEWER included
                        .requestMatchers(HttpMethod.POST, "/shell/**")
                        .authenticated()
                        // the user's own API keys: every role (a VIEWER's keys can only read)
                        .requestMatchers(HttpMethod.POST, "/settings/api-keys", "/settings/api-keys/**")
                        .authenticated()
                        // the user's own linked sign-in identities: every role
                        .requestMatchers(HttpMethod.POST, "/settings/sign-in/**")
                        .authenticated()
                        .requestMatchers(HttpMethod.GET, "/**")
                        .authenticated()
                        .anyRequest()
                        .hasAnyRole(WRITERS))
                // one-click unsubscribe (RFC 8058) is POSTed by mail clients without a session or CSRF token
                .csrf(csrf -> csrf.ignoringRequestMatchers("/unsubscribe"))
                .authenticationProvider(formLogin(auth))
                .formLogin(form -> form.loginPage("/login")
                        .defaultSuccessUrl("/", false)
                        .failureHandler(loginFailure())
                        .permitAll())
                .oauth2Login(providerSignIn(providers, externalSignIns))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) -> response.sendError(403)))
                .addFilterAfter(new TenantBindingFilter(principals, operators), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new ApiLimitFilter(limits, json, true), TenantBindingFilter.class);
        return http.build();
    }

    /**
     * Sign-in with a provider: the state is kept in the session and compared, a nonce goes into the request and is
     * checked in the ID token, and every request carries a PKCE challenge (S256), also for confidential clients. The
     * provider's tokens are not kept: only our own principal stays in the session.
     */
    private static org.springframework.security.config.Customizer<
                    org.springframework.security.config.annotation.web.configurers.oauth2.client.OAuth2LoginConfigurer<
                            HttpSecurity>>
            providerSignIn(SignInProviders providers, ExternalSignIns signIns) {
        var resolver = new org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver(
                providers, "/oauth2/authorization");
        resolver.setAuthorizationRequestCustomizer(
                org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers.withPkce());
        ProviderSignInHandlers handlers = new ProviderSignInHandlers(signIns);
        return o -> o.loginPage("/login")
                .clientRegistrationRepository(providers)
                .authorizedClientRepository(new NoAuthorizedClients())
                .authorizationEndpoint(a -> a.authorizationRequestResolver(resolver))
                .successHandler(handlers.success())
                .failureHandler(handlers.failure());
    }

    /** The provider's access token is not needed after sign-in, so it is not stored in the session. */
    private static final class NoAuthorizedClients
            implements org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository {
        @Override
        public <T extends org.springframework.security.oauth2.client.OAuth2AuthorizedClient> T loadAuthorizedClient(
                String clientRegistrationId, Authentication principal, HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(
                org.springframework.security.oauth2.client.OAuth2AuthorizedClient client,
                Authentication principal,
                HttpServletRequest request,
                HttpServletResponse response) {}

        @Override
        public void removeAuthorizedClient(
                String clientRegistrationId,
                Authentication principal,
                HttpServletRequest request,
                HttpServletResponse response) {}
    }

    private static AuthenticationProvider formLogin(AuthManagement auth) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) throws AuthenticationException {
                String address = authentication.getDetails()
                                instanceof
                                org.springframework.security.web.authentication.WebAuthenticationDetails details
                        ? details.getRemoteAddress()
                        : "unknown";
                try {
                    CurrentUser user = auth.authenticate(
                            authentication.getName(), String.valueOf(authentication.getCredentials()), address);
                    return authenticated(user);
                } catch (RateLimitExceeded e) {
                    throw new ThrottledException(e.retryAfterSeconds());
                } catch (ApiException e) {
                    throw new BadCredentialsException("Invalid email or password");
                }
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }

    private static AuthenticationFailureHandler loginFailure() {
        return (request, response, e) -> {
            if (e instanceof ThrottledException throttled) {
                response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds));
                response.sendRedirect("/login?throttled=" + throttled.retryAfterSeconds);
            } else {
                response.sendRedirect("/login?error");
            }
        };
    }

    static final class ThrottledException extends AuthenticationException {
        final long retryAfterSeconds;

        ThrottledException(long retryAfterSeconds) {
            super("Too many failed sign-in attempts");
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }

    private static BearerAuthentication authenticate(Jwt jwt, Principals principals) {
        try {
            TenantId tenant = TenantId.of(jwt.getClaimAsString(AccessTokens.TENANT_CLAIM));
            UserId user = UserId.of(jwt.getSubject());
            Object version = jwt.getClaim(AccessTokens.PERMISSIONS_VERSION_CLAIM);
            int permissionsVersion = version instanceof Number n ? n.intValue() : -1;
            Principals.Resolved resolved = principals
                    .resolveWithStanding(tenant, user, permissionsVersion, jwt.getId())
                    .orElseThrow(() -> new InvalidBearerTokenException("Access token was revoked"));
            return BearerAuthentication.of(resolved, jwt);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidBearerTokenException("Access token is malformed");
        }
    }

    static UsernamePasswordAuthenticationToken authenticated(CurrentUser user) {
        return UsernamePasswordAuthenticationToken.authenticated(
                user, null, List.of(new SimpleGrantedAuthority(user.role().authority())));
    }

    private static boolean hasBearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    private static void writeError(ObjectMapper json, HttpServletResponse response, ErrorCode code, String message)
            throws IOException {
        writeError(json, response, code, message, Map.of());
    }

    static void writeError(
            ObjectMapper json,
            HttpServletResponse response,
            ErrorCode code,
            String message,
            Map<String, Object> details)
            throws IOException {
        response.setStatus(code.status().value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), ErrorBody.of(code, message, details));
    }
}
