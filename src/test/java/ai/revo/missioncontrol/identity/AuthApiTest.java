package ai.revo.missioncontrol.identity;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

class AuthApiTest extends IntegrationTest {

    @Test
    void signupCreatesWorkspaceWithAdminAndSignsIn() {
        Api api = api();
        String email = Api.uniqueEmail("founder");
        Api.Response r = api.post(
                        "/api/v1/auth/signup",
                        null,
                        Map.of("email", email.toUpperCase(), "password", Api.PASSWORD, "workspaceName", "Acme Sales"))
                .expect(201);
        assertThat(r.json().path("tokenType").asText()).isEqualTo("Bearer");
        assertThat(r.json().path("expiresIn").asLong()).isEqualTo(900);
        assertThat(r.json().path("refreshToken").asText()).isNotBlank();
        JsonNode me = api.get("/api/v1/me", r.json().path("accessToken").asText())
                .expect(200)
                .json();
        assertThat(me.path("user").path("email").asText()).isEqualTo(email);
        assertThat(me.path("user").path("role").asText()).isEqualTo("ADMIN");
        assertThat(me.path("workspace").path("name").asText()).isEqualTo("Acme Sales");
    }

    @Test
    void accessTokenCarriesTheDocumentedClaims() throws Exception {
        Api.Session admin = api().signup();
        String[] parts = admin.accessToken().split("\\.");
        JsonNode claims = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(java.util.Base64.getUrlDecoder().decode(parts[1]));
        assertThat(claims.path("sub").asText()).isEqualTo(admin.userId());
        assertThat(claims.path("tenant_id").asText()).isEqualTo(admin.tenantId());
        assertThat(claims.path("role").asText()).isEqualTo("ADMIN");
        assertThat(claims.path("permissions_version").asInt()).isEqualTo(1);
        assertThat(claims.path("jti").asText()).isNotBlank();
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(900);
    }

    @Test
    void rejectsSignupWithTakenEmail() {
        Api api = api();
        Api.Session first = api.signup();
        api.post(
                        "/api/v1/auth/signup",
                        null,
                        Map.of("email", first.email(), "password", Api.PASSWORD, "workspaceName", "Other"))
                .expectError(409, "CONFLICT");
    }

    @Test
    void rejectsWeakPasswordNamingTheField() {
        Api.Response r = api().post(
                        "/api/v1/auth/signup",
                        null,
                        Map.of("email", Api.uniqueEmail("weak"), "password", "short", "workspaceName", "W"))
                .expectError(400, "VALIDATION_ERROR");
        assertThat(r.json()
                        .path("error")
                        .path("details")
                        .path("fields")
                        .get(0)
                        .path("field")
                        .asText())
                .isEqualTo("password");
    }

    @Test
    void rejectsInvalidEmailAndMissingWorkspaceName() {
        api().post(
                        "/api/v1/auth/signup",
                        null,
                        Map.of("email", "not-an-email", "password", Api.PASSWORD, "workspaceName", "W"))
                .expectError(400, "VALIDATION_ERROR");
        Api.Response r = api().post(
                        "/api/v1/auth/signup", null, Map.of("email", Api.uniqueEmail("nows"), "password", Api.PASSWORD))
                .expectError(400, "VALIDATION_ERROR");
        assertThat(r.body()).contains("workspaceName");
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSame401() {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Response wrongPassword = api.post(
                        "/api/v1/auth/login", null, Map.of("email", admin.email(), "password", "Wrong-password-123"))
                .expectError(401, "UNAUTHORIZED");
        Api.Response unknown = api.post(
                        "/api/v1/auth/login",
                        null,
                        Map.of("email", Api.uniqueEmail("nobody"), "password", "Wrong-password-123"))
                .expectError(401, "UNAUTHORIZED");
        assertThat(wrongPassword.json().path("error").path("message").asText())
                .isEqualTo(unknown.json().path("error").path("message").asText());
    }

    @Test
    void throttlesRepeatedFailuresPerEmailWithRetryAfter() {
        Api api = api();
        Api.Session admin = api.signup();
        for (int i = 0; i < 5; i++) {
            api.post("/api/v1/auth/login", null, Map.of("email", admin.email(), "password", "Wrong-password-123"))
                    .expect(401);
        }
        Api.Response throttled = api.post(
                        "/api/v1/auth/login", null, Map.of("email", admin.email(), "password", Api.PASSWORD))
                .expectError(429, "RATE_LIMIT_EXCEEDED");
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isPositive();
    }

    @Test
    void refreshRotatesAndTheOldRefreshTokenStopsWorking() {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Response rotated = api.post("/api/v1/auth/refresh", null, Map.of("refreshToken", admin.refreshToken()))
                .expect(200);
        String newRefresh = rotated.json().path("refreshToken").asText();
        assertThat(newRefresh).isNotEqualTo(admin.refreshToken());
        api.get("/api/v1/me", rotated.json().path("accessToken").asText()).expect(200);
        api.post("/api/v1/auth/refresh", null, Map.of("refreshToken", admin.refreshToken()))
                .expectError(401, "UNAUTHORIZED");
    }

    @Test
    void reusingARotatedRefreshTokenRevokesTheWholeFamily() {
        Api api = api();
        Api.Session admin = api.signup();
        String second = api.post("/api/v1/auth/refresh", null, Map.of("refreshToken", admin.refreshToken()))
                .expect(200)
                .json()
                .path("refreshToken")
                .asText();
        api.post("/api/v1/auth/refresh", null, Map.of("refreshToken", admin.refreshToken()))
                .expect(401);
        // the thief's replay also killed the legitimate successor
        api.post("/api/v1/auth/refresh", null, Map.of("refreshToken", second)).expectError(401, "UNAUTHORIZED");
    }

    @Test
    void reuseOfARefreshTokenRevokesTheAccessTokensOfThatSignInAtOnce() {
        Api api = api();
        Api.Session admin = api.signup();
        var rotated = api.post("/api/v1/auth/refresh", null, Map.of("refreshToken", admin.refreshToken()))
                .expect(200)
                .json();
        String newAccess = rotated.path("accessToken").asText();
        api.get("/api/v1/me", newAccess).expect(200);
        api.get("/api/v1/me", admin.accessToken()).expect(200);
        Api.Session elsewhere = api.login(admin.email(), admin.password());
        api.post("/api/v1/auth/refresh", null, Map.of("refreshToken", admin.refreshToken()))
                .expect(401);
        // every access token of that sign-in stops at once, not when it expires; another sign-in keeps working
        api.get("/api/v1/me", newAccess).expectError(401, "UNAUTHORIZED");
        api.get("/api/v1/me", admin.accessToken()).expectError(401, "UNAUTHORIZED");
        api.get("/api/v1/me", elsewhere.accessToken()).expect(200);
    }

    @Test
    void aTokenWithoutExpiryIsRefused() {
        Api api = api();
        Api.Session admin = api.signup();
        var key = new SecretKeySpec(JWT_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        String forever = new NimbusJwtEncoder(new ImmutableSecret<>(key))
                .encode(JwtEncoderParameters.from(
                        JwsHeader.with(MacAlgorithm.HS256).build(),
                        JwtClaimsSet.builder()
                                .subject(admin.userId())
                                .issuedAt(Instant.now())
                                .id(UUID.randomUUID().toString())
                                .claim("tenant_id", admin.tenantId())
                                .claim("role", "ADMIN")
                                .claim("permissions_version", 1)
                                .build()))
                .getTokenValue();
        api.get("/api/v1/me", forever).expectError(401, "UNAUTHORIZED");
    }

    @Test
    void logoutRevokesAccessAndRefreshTokens() {
        Api api = api();
        Api.Session admin = api.signup();
        api.post("/api/v1/auth/logout", admin.accessToken(), Map.of("refreshToken", admin.refreshToken()))
                .expect(204);
        api.get("/api/v1/me", admin.accessToken()).expectError(401, "UNAUTHORIZED");
        api.post("/api/v1/auth/refresh", null, Map.of("refreshToken", admin.refreshToken()))
                .expect(401);
        api.login(admin.email(), admin.password());
    }

    @Test
    void forgedAndExpiredTokensAre401() {
        Api api = api();
        Api.Session admin = api.signup();
        Map<String, Object> claims = Map.of("tenant_id", admin.tenantId(), "role", "ADMIN", "permissions_version", 1);
        String forged = sign(
                "another-secret-0123456789-abcdefghijklmnopqrstuvwxyz",
                admin.userId(),
                claims,
                Instant.now().plusSeconds(600));
        api.get("/api/v1/me", forged).expectError(401, "UNAUTHORIZED");
        String expired = sign(JWT_SECRET, admin.userId(), claims, Instant.now().minusSeconds(600));
        api.get("/api/v1/me", expired).expectError(401, "UNAUTHORIZED");
        api.get("/api/v1/me", "not.a.jwt").expectError(401, "UNAUTHORIZED");
        String valid = sign(JWT_SECRET, admin.userId(), claims, Instant.now().plusSeconds(600));
        api.get("/api/v1/me", valid).expect(200);
    }

    @Test
    void missingTokenIs401InTheErrorShape() {
        api().get("/api/v1/me", null).expectError(401, "UNAUTHORIZED");
    }

    @Test
    void invitationIsRedeemedOnceAndSignsIn() {
        Api api = api();
        Api.Session admin = api.signup();
        String email = Api.uniqueEmail("invitee");
        Api.Response added = api.post("/api/v1/users", admin.accessToken(), Map.of("email", email, "role", "CLOSER"))
                .expect(201);
        String token = added.json().path("invitation").path("token").asText();
        assertThat(added.json().path("invitation").path("url").asText()).endsWith("/accept-invite?token=" + token);
        assertThat(added.json().path("user").path("status").asText()).isEqualTo("INVITED");
        // an invited user cannot sign in before choosing a password
        api.post("/api/v1/auth/login", null, Map.of("email", email, "password", Api.PASSWORD))
                .expect(401);
        api.post("/api/v1/auth/accept-invite", null, Map.of("token", token, "password", "short"))
                .expectError(400, "VALIDATION_ERROR");
        Api.Response accepted = api.post(
                        "/api/v1/auth/accept-invite", null, Map.of("token", token, "password", Api.PASSWORD))
                .expect(200);
        assertThat(api.get("/api/v1/me", accepted.json().path("accessToken").asText())
                        .expect(200)
                        .json()
                        .path("user")
                        .path("role")
                        .asText())
                .isEqualTo("CLOSER");
        api.post("/api/v1/auth/accept-invite", null, Map.of("token", token, "password", "Another-Passw0rd!"))
                .expectError(401, "UNAUTHORIZED");
        api.login(email, Api.PASSWORD);
    }

    @Test
    void expiredInvitationIsRefused() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        String token = api.post(
                        "/api/v1/users",
                        admin.accessToken(),
                        Map.of("email", Api.uniqueEmail("late"), "role", "VIEWER"))
                .expect(201)
                .json()
                .path("invitation")
                .path("token")
                .asText();
        try (var c = database().connect();
                var s = c.prepareStatement(
                        "update invitations set expires_at = now() - interval '1 minute' where token_hash = ?")) {
            s.setString(1, SecretToken.hash(token));
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        api.post("/api/v1/auth/accept-invite", null, Map.of("token", token, "password", Api.PASSWORD))
                .expectError(401, "UNAUTHORIZED");
        api.post(
                        "/api/v1/auth/accept-invite",
                        null,
                        Map.of("token", "unknown-" + UUID.randomUUID(), "password", Api.PASSWORD))
                .expectError(401, "UNAUTHORIZED");
    }

    @Test
    void bootstrapAdminExistsInDefaultWorkspace() {
        Api api = api();
        Api.Session admin = api.login("bootstrap-admin@example.com", BOOTSTRAP_PASSWORD);
        assertThat(admin.role()).isEqualTo("ADMIN");
        assertThat(api.get("/api/v1/me", admin.accessToken())
                        .json()
                        .path("workspace")
                        .path("name")
                        .asText())
                .isEqualTo("Default");
    }

    private static String sign(String secret, String subject, Map<String, Object> claims, Instant expires) {
        var key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        JwtClaimsSet.Builder set = JwtClaimsSet.builder()
                .subject(subject)
                .issuedAt(expires.minusSeconds(900))
                .expiresAt(expires)
                .id(UUID.randomUUID().toString());
        claims.forEach(set::claim);
        return new NimbusJwtEncoder(new ImmutableSecret<>(key))
                .encode(JwtEncoderParameters.from(
                        JwsHeader.with(MacAlgorithm.HS256).build(), set.build()))
                .getTokenValue();
    }
}
