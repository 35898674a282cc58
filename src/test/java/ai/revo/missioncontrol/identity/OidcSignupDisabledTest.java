package ai.revo.missioncontrol.identity;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriComponentsBuilder;

/** With sign-up switched off, a provider's sign-in with an unknown e-mail is refused with a clear page. */
class OidcSignupDisabledTest extends IntegrationTest {

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        OidcProvider.register(registry);
        registry.add("mc.security.signup-enabled", () -> "false");
    }

    @Test
    void unknownEmailIsRefusedWhenSignupIsOff() {
        OidcProvider.nextUser("sub-" + UUID.randomUUID(), Api.uniqueEmail("stranger"), true);
        OidcProvider.Browser browser = new OidcProvider.Browser(port);
        assertThat(browser.signIn("oidc")).isEqualTo("/login/refused?reason=SIGNUP_DISABLED");
        assertThat(browser.get("/login/refused?reason=SIGNUP_DISABLED").body())
                .contains("new workspaces cannot be created here");
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void apiSignInWithUnknownEmailIsRefusedNamingTheReason() {
        JsonNode started = api().post(
                        "/api/v1/auth/oidc/oidc/authorize", null, Map.of("redirectUri", "http://127.0.0.1:9/callback"))
                .expect(200)
                .json();
        OidcProvider.nextUser("sub-" + UUID.randomUUID(), Api.uniqueEmail("stranger"), true);
        var params = UriComponentsBuilder.fromUri(
                        URI.create(OidcProvider.Browser.location(new OidcProvider.Browser(port)
                                .get(started.path("authorizationUrl").asText()))))
                .build()
                .getQueryParams();
        Api.Response refused = api().post(
                        "/api/v1/auth/oidc/oidc/token",
                        null,
                        Map.of("code", params.getFirst("code"), "state", params.getFirst("state")))
                .expectError(403, "FORBIDDEN");
        assertThat(refused.json().path("error").path("details").path("reason").asText())
                .isEqualTo("SIGNUP_DISABLED");
    }
}
