package ai.revo.missioncontrol.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real OpenID Connect provider in-process (mock-oauth2-server: discovery, authorize with state and nonce, PKCE
 * checked at the token endpoint, signed ID tokens) for the sign-in tests, and a browser without JavaScript that
 * follows a sign-in through it.
 */
final class OidcProvider {

    static final String ISSUER = "corp";
    static final String CLIENT_ID = "mission-control-test";

    private static MockOAuth2Server server;

    private OidcProvider() {}

    static synchronized MockOAuth2Server server() {
        if (server == null) {
            server = new MockOAuth2Server();
            server.start();
        }
        return server;
    }

    /** The generic provider points at the in-process one; Google stays off, LinkedIn is configured (for the page). */
    static void register(DynamicPropertyRegistry registry) {
        registry.add("mc.oauth.oidc.client-id", () -> CLIENT_ID);
        registry.add("mc.oauth.oidc.client-secret", () -> "test-secret");
        registry.add(
                "mc.oauth.oidc.issuer-url", () -> server().issuerUrl(ISSUER).toString());
        registry.add("mc.oauth.oidc.name", () -> "Corp SSO");
        registry.add("mc.oauth.linkedin.client-id", () -> "linkedin-test");
        registry.add("mc.oauth.linkedin.client-secret", () -> "linkedin-secret");
    }

    /** The next token the provider issues carries these claims. */
    static void nextUser(String subject, String email, boolean verified) {
        server().enqueueCallback(new DefaultOAuth2TokenCallback(
                ISSUER,
                subject,
                "JWT",
                List.of(CLIENT_ID),
                Map.of("email", email, "email_verified", verified, "name", "Pat Example"),
                3600));
    }

    /** A browser: cookies kept, redirects followed one by one so each hop can be looked at or altered. */
    static final class Browser {
        final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        final String base;

        Browser(int port) {
            this.base = "http://127.0.0.1:" + port;
        }

        HttpResponse<String> get(String url) {
            try {
                return http.send(
                        HttpRequest.newBuilder(URI.create(url.startsWith("/") ? base + url : url))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /**
         * Signs in with the provider: our redirect to it, its redirect back with code and state (passed through
         * {@code callback}, to tamper with it), and where we send the browser at the end.
         */
        String signIn(String provider, UnaryOperator<String> callback) {
            HttpResponse<String> start = get("/oauth2/authorization/" + provider);
            assertThat(start.statusCode()).isEqualTo(302);
            String authorize = location(start);
            assertThat(authorize).contains("state=", "nonce=", "code_challenge=", "code_challenge_method=S256");
            HttpResponse<String> back = get(authorize);
            assertThat(back.statusCode()).isEqualTo(302);
            String redirect = location(back);
            assertThat(redirect).startsWith(base + "/login/oauth2/code/" + provider);
            HttpResponse<String> end = get(callback.apply(redirect));
            assertThat(end.statusCode()).isEqualTo(302);
            String to = location(end);
            return to.startsWith(base) ? to.substring(base.length()) : to;
        }

        String signIn(String provider) {
            return signIn(provider, UnaryOperator.identity());
        }

        static String location(HttpResponse<?> r) {
            return r.headers().firstValue("Location").orElseThrow();
        }
    }
}
