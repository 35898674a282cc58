package ai.revo.missioncontrol.identity;

import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorCode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Service;

/**
 * A provider's sign-in for API clients (a script, a desktop or mobile app): {@link #start} answers the provider's
 * authorization URL with a fresh state, nonce and PKCE challenge, kept here for ten minutes; the client sends the
 * person there and hands back the code and state to {@link #complete}, which exchanges the code with the verifier,
 * verifies the ID token and its nonce, and answers the same token pair as a password sign-in. Each state works once.
 * The provider is called outside any transaction.
 */
@Service
public class ProviderApiSignIns {

    private static final Logger log = LoggerFactory.getLogger(ProviderApiSignIns.class);
    private static final Duration VALID_FOR = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Where to send the person, and the state the provider will hand back with the code. */
    public record Started(String authorizationUrl, String state, Instant expiresAt) {}

    private final SignInProviders providers;
    private final ExternalSignIns signIns;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final OidcAuthorizationCodeAuthenticationProvider verifier =
            new OidcAuthorizationCodeAuthenticationProvider(
                    new RestClientAuthorizationCodeTokenResponseClient(), new OidcUserService());

    ProviderApiSignIns(SignInProviders providers, ExternalSignIns signIns, JdbcClient jdbc, Clock clock) {
        this.providers = providers;
        this.signIns = signIns;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** 404 for a provider that is not configured, 503 when its discovery document cannot be read, 400 for a bad URI. */
    public Started start(String provider, String redirectUri) {
        ClientRegistration registration = registration(provider);
        if (redirectUri == null || !isAbsoluteHttp(redirectUri) || redirectUri.length() > 2000) {
            throw ApiException.invalidField(
                    "redirectUri", "must be an absolute http(s) URL registered with the provider");
        }
        String state = random();
        String nonce = random();
        String codeVerifier = random() + random();
        Instant now = clock.instant();
        jdbc.sql("delete from identity_oidc_requests where expires_at < ?")
                .param(java.sql.Timestamp.from(now))
                .update();
        jdbc.sql("insert into identity_oidc_requests (state_hash, provider, nonce, code_verifier, redirect_uri,"
                        + " expires_at) values (?, ?, ?, ?, ?, ?)")
                .params(
                        SecretToken.hash(state),
                        provider,
                        nonce,
                        codeVerifier,
                        redirectUri,
                        java.sql.Timestamp.from(now.plus(VALID_FOR)))
                .update();
        OAuth2AuthorizationRequest request = request(registration, redirectUri, state, nonce, codeVerifier);
        return new Started(request.getAuthorizationRequestUri(), state, now.plus(VALID_FOR));
    }

    /**
     * Exchanges the code: 401 (details.reason PROVIDER_ERROR) for an unknown, used or expired state or a code or ID
     * token the provider's checks refuse; 403 naming the reason when the sign-in itself is refused.
     */
    public TokenPair complete(String provider, String code, String state) {
        if (code == null || code.isBlank()) {
            throw ApiException.invalidField("code", "is required");
        }
        if (state == null || state.isBlank()) {
            throw ApiException.invalidField("state", "is required");
        }
        ClientRegistration registration = registration(provider);
        // taken once: a second use of the same state finds nothing
        Map<String, Object> pending = jdbc
                .sql("delete from identity_oidc_requests where state_hash = ? and provider = ?"
                        + " returning nonce, code_verifier, redirect_uri, expires_at")
                .params(SecretToken.hash(state), provider)
                .query()
                .listOfRows()
                .stream()
                .findFirst()
                .orElse(null);
        if (pending == null
                || !clock.instant().isBefore(((java.sql.Timestamp) pending.get("expires_at")).toInstant())) {
            throw providerError("Unknown, used or expired state");
        }
        String redirectUri = (String) pending.get("redirect_uri");
        OAuth2AuthorizationRequest request = request(
                registration, redirectUri, state, (String) pending.get("nonce"), (String) pending.get("code_verifier"));
        OAuth2AuthorizationResponse response = OAuth2AuthorizationResponse.success(code)
                .state(state)
                .redirectUri(redirectUri)
                .build();
        OidcUser user;
        try {
            OAuth2LoginAuthenticationToken result =
                    (OAuth2LoginAuthenticationToken) verifier.authenticate(new OAuth2LoginAuthenticationToken(
                            registration, new OAuth2AuthorizationExchange(request, response)));
            user = (OidcUser) result.getPrincipal();
        } catch (OAuth2AuthenticationException e) {
            log.info("A provider sign-in through the API failed: {}", e.getError());
            throw providerError("The provider refused the code or its ID token did not verify");
        }
        return signIns.signInForTokens(ProviderSignInHandlers.claims(provider, user));
    }

    private ClientRegistration registration(String provider) {
        if (!providers.isConfigured(provider)) {
            throw ApiException.notFound("Sign-in provider", provider);
        }
        return providers
                .registration(provider)
                .orElseThrow(() -> new ApiException(
                        ErrorCode.SERVICE_UNAVAILABLE, "The sign-in provider cannot be reached right now"));
    }

    private static OAuth2AuthorizationRequest request(
            ClientRegistration registration, String redirectUri, String state, String nonce, String codeVerifier) {
        return OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(registration.getProviderDetails().getAuthorizationUri())
                .clientId(registration.getClientId())
                .redirectUri(redirectUri)
                .scopes(registration.getScopes())
                .state(state)
                .additionalParameters(Map.of(
                        OidcParameterNames.NONCE, sha256(nonce),
                        PkceParameterNames.CODE_CHALLENGE, sha256(codeVerifier),
                        PkceParameterNames.CODE_CHALLENGE_METHOD, "S256"))
                .attributes(Map.of(
                        OAuth2ParameterNames.REGISTRATION_ID, registration.getRegistrationId(),
                        OidcParameterNames.NONCE, nonce,
                        PkceParameterNames.CODE_VERIFIER, codeVerifier))
                .build();
    }

    private static ApiException providerError(String message) {
        return new ApiException(ErrorCode.UNAUTHORIZED, message, Map.of("reason", SignInRefusal.PROVIDER_ERROR.name()));
    }

    private static boolean isAbsoluteHttp(String uri) {
        try {
            URI parsed = new URI(uri);
            return ("https".equals(parsed.getScheme()) || "http".equals(parsed.getScheme()))
                    && parsed.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** As Spring Security hashes a nonce and a PKCE verifier: SHA-256, base64url without padding. */
    private static String sha256(String value) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
