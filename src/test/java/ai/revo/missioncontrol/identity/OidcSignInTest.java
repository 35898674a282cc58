package ai.revo.missioncontrol.identity;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriComponentsBuilder;

/** Signing in with an OpenID Connect provider, against a real provider in-process (sign-up enabled here). */
class OidcSignInTest extends IntegrationTest {

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        OidcProvider.register(registry);
    }

    private OidcProvider.Browser browser() {
        return new OidcProvider.Browser(port);
    }

    private static String subject() {
        return "sub-" + UUID.randomUUID();
    }

    @Test
    void signInPageShowsOnlyTheConfiguredProviders() {
        String page = browser().get("/login").body();
        assertThat(page).contains("/oauth2/authorization/oidc", "Corp SSO", "/oauth2/authorization/linkedin");
        assertThat(page).doesNotContain("/oauth2/authorization/google");
        JsonNode providers =
                api().get("/api/v1/auth/providers", null).expect(200).json();
        assertThat(providers.path("data").findValuesAsText("id")).containsExactly("linkedin", "oidc");
    }

    @Test
    void firstSignInWithAVerifiedNewEmailCreatesAWorkspaceAndASession() {
        String email = Api.uniqueEmail("first");
        OidcProvider.nextUser(subject(), email, true);
        OidcProvider.Browser browser = browser();
        assertThat(browser.signIn("oidc")).isEqualTo("/");
        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains(email);
        HttpResponse<String> methods = browser.get("/settings/sign-in");
        assertThat(methods.body()).contains("Corp SSO", email);
    }

    @Test
    void verifiedEmailOfAnExistingUserLinksToThemAndTheLinkHoldsWhenTheEmailChanges() {
        Api.Session admin = api().signup();
        String subject = subject();
        OidcProvider.nextUser(subject, admin.email(), true);
        assertThat(browser().signIn("oidc")).isEqualTo("/");
        JsonNode identities = api().get("/api/v1/me/identities", admin.accessToken())
                .expect(200)
                .json();
        assertThat(identities.path("data")).hasSize(1);
        assertThat(identities.path("data").get(0).path("provider").asText()).isEqualTo("oidc");
        assertThat(identities.path("data").get(0).path("providerName").asText()).isEqualTo("Corp SSO");
        // the same identity signs in as the same user even when the provider now reports another address
        OidcProvider.nextUser(subject, Api.uniqueEmail("renamed"), true);
        OidcProvider.Browser again = browser();
        assertThat(again.signIn("oidc")).isEqualTo("/");
        assertThat(again.get("/").body()).contains(admin.email());
        // the user removes it: it no longer signs in as them
        String id = identities.path("data").get(0).path("id").asText();
        api().delete("/api/v1/me/identities/" + id, admin.accessToken()).expect(204);
        assertThat(api().get("/api/v1/me/identities", admin.accessToken())
                        .expect(200)
                        .json()
                        .path("data"))
                .isEmpty();
        JsonNode audit = api().get("/api/v1/audit?limit=50", admin.accessToken())
                .expect(200)
                .json();
        assertThat(audit.toString()).contains("user.identity_linked", "user.identity_unlinked");
    }

    @Test
    void unverifiedEmailNeverLinksToAnExistingAccount() {
        Api.Session admin = api().signup();
        OidcProvider.nextUser(subject(), admin.email(), false);
        OidcProvider.Browser browser = browser();
        assertThat(browser.signIn("oidc")).isEqualTo("/login/refused?reason=EMAIL_UNVERIFIED");
        assertThat(browser.get("/login/refused?reason=EMAIL_UNVERIFIED").body())
                .contains("has not verified this e-mail address");
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
        assertThat(api().get("/api/v1/me/identities", admin.accessToken())
                        .expect(200)
                        .json()
                        .path("data"))
                .isEmpty();
    }

    @Test
    void signInWithTheInvitedEmailAcceptsThePendingInvitation() {
        Api.Session admin = api().signup();
        String email = Api.uniqueEmail("invited");
        JsonNode invited = api().post("/api/v1/users", admin.accessToken(), Map.of("email", email, "role", "OPERATOR"))
                .expect(201)
                .json();
        String token = invited.path("invitation").path("token").asText();
        assertThat(token).isNotBlank();
        OidcProvider.nextUser(subject(), email, true);
        OidcProvider.Browser browser = browser();
        assertThat(browser.signIn("oidc")).isEqualTo("/");
        assertThat(browser.get("/").body()).contains(email);
        JsonNode users =
                api().get("/api/v1/users", admin.accessToken()).expect(200).json();
        JsonNode user = null;
        for (JsonNode u : users.path("data")) {
            if (u.path("email").asText().equals(email)) {
                user = u;
            }
        }
        assertThat(user).isNotNull();
        assertThat(user.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(user.path("role").asText()).isEqualTo("OPERATOR");
        // the invitation link was used up
        api().post("/api/v1/auth/accept-invite", null, Map.of("token", token, "password", Api.PASSWORD))
                .expect(401);
    }

    @Test
    void tamperedStateSignsNobodyIn() {
        // no token is ever asked for: the altered state is refused before the code is exchanged
        OidcProvider.Browser browser = browser();
        String end = browser.signIn("oidc", url -> {
            String state = UriComponentsBuilder.fromUri(URI.create(url))
                    .build()
                    .getQueryParams()
                    .getFirst("state");
            return url.replace("state=" + state, "state=" + state + "x");
        });
        assertThat(end).isEqualTo("/login/refused?reason=PROVIDER_ERROR");
        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(OidcProvider.Browser.location(home)).endsWith("/login");
    }

    @Test
    void apiClientGetsTheSameTokensAsAPasswordSignInAndEachStateWorksOnce() {
        Api.Session admin = api().signup();
        JsonNode started = api().post(
                        "/api/v1/auth/oidc/oidc/authorize", null, Map.of("redirectUri", "http://127.0.0.1:9/callback"))
                .expect(200)
                .json();
        String authorizationUrl = started.path("authorizationUrl").asText();
        assertThat(authorizationUrl).contains("code_challenge=", "nonce=", "state=");
        OidcProvider.nextUser(subject(), admin.email(), true);
        HttpResponse<String> back = browser().get(authorizationUrl);
        var params = UriComponentsBuilder.fromUri(URI.create(OidcProvider.Browser.location(back)))
                .build()
                .getQueryParams();
        assertThat(params.getFirst("state")).isEqualTo(started.path("state").asText());
        Map<String, String> exchange = Map.of("code", params.getFirst("code"), "state", params.getFirst("state"));
        JsonNode tokens = api().post("/api/v1/auth/oidc/oidc/token", null, exchange)
                .expect(200)
                .json();
        assertThat(tokens.path("tokenType").asText()).isEqualTo("Bearer");
        assertThat(tokens.path("refreshToken").asText()).isNotBlank();
        JsonNode me = api().get("/api/v1/me", tokens.path("accessToken").asText())
                .expect(200)
                .json();
        assertThat(me.path("user").path("id").asText()).isEqualTo(admin.userId());
        api().post(
                        "/api/v1/auth/refresh",
                        null,
                        Map.of("refreshToken", tokens.path("refreshToken").asText()))
                .expect(200);
        Api.Response replay =
                api().post("/api/v1/auth/oidc/oidc/token", null, exchange).expectError(401, "UNAUTHORIZED");
        assertThat(replay.json().path("error").path("details").path("reason").asText())
                .isEqualTo("PROVIDER_ERROR");
    }

    @Test
    void theOnlyWayToSignInCannotBeRemoved() {
        String email = Api.uniqueEmail("only");
        String subject = subject();
        JsonNode started = api().post(
                        "/api/v1/auth/oidc/oidc/authorize", null, Map.of("redirectUri", "http://127.0.0.1:9/callback"))
                .expect(200)
                .json();
        OidcProvider.nextUser(subject, email, true);
        var params = UriComponentsBuilder.fromUri(URI.create(OidcProvider.Browser.location(
                        browser().get(started.path("authorizationUrl").asText()))))
                .build()
                .getQueryParams();
        String access = api().post(
                        "/api/v1/auth/oidc/oidc/token",
                        null,
                        Map.of("code", params.getFirst("code"), "state", params.getFirst("state")))
                .expect(200)
                .json()
                .path("accessToken")
                .asText();
        JsonNode identities =
                api().get("/api/v1/me/identities", access).expect(200).json();
        String id = identities.path("data").get(0).path("id").asText();
        api().delete("/api/v1/me/identities/" + id, access).expectError(409, "CONFLICT");
        api().delete("/api/v1/me/identities/" + UUID.randomUUID(), access).expect(404);
        // nobody knows the stored password: a password sign-in with anything fails
        api().post("/api/v1/auth/login", null, Map.of("email", email, "password", Api.PASSWORD))
                .expect(401);
    }
}
