package ai.revo.missioncontrol.identity;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserApiTest extends IntegrationTest {

    @Test
    void adminListsAndReadsUsersOfTheirWorkspace() {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Session operator = api.addUser(admin, "OPERATOR");
        Api.Response list =
                api.get("/api/v1/users?page=1&limit=1", admin.accessToken()).expect(200);
        assertThat(list.json().path("data")).hasSize(1);
        assertThat(list.json().path("pagination").path("total").asLong()).isEqualTo(2);
        assertThat(list.json().path("pagination").path("totalPages").asLong()).isEqualTo(2);
        assertThat(list.json().path("pagination").path("limit").asInt()).isEqualTo(1);
        Api.Response one = api.get("/api/v1/users/" + operator.userId(), admin.accessToken())
                .expect(200);
        assertThat(one.json().path("email").asText()).isEqualTo(operator.email());
        assertThat(one.json().path("role").asText()).isEqualTo("OPERATOR");
        assertThat(one.json().has("passwordHash")).isFalse();
    }

    @Test
    void usersCanBeSortedAndBadSortsAre400() {
        Api api = api();
        Api.Session admin = api.signup();
        api.addUser(admin, "VIEWER");
        api.addUser(admin, "CLOSER");
        java.util.List<String> roles = new java.util.ArrayList<>();
        api.get("/api/v1/users?sort=role&order=desc", admin.accessToken())
                .expect(200)
                .json()
                .path("data")
                .forEach(u -> roles.add(u.path("role").asText()));
        assertThat(roles).containsExactly("VIEWER", "CLOSER", "ADMIN");
        java.util.List<String> emails = new java.util.ArrayList<>();
        api.get("/api/v1/users?sort=email", admin.accessToken())
                .json()
                .path("data")
                .forEach(u -> emails.add(u.path("email").asText()));
        assertThat(emails).isSorted();
        assertThat(api.get("/api/v1/users?sort=password", admin.accessToken())
                        .expectError(400, "VALIDATION_ERROR")
                        .body())
                .contains("sort");
        api.get("/api/v1/users?sort=email&order=up", admin.accessToken()).expectError(400, "VALIDATION_ERROR");
    }

    @Test
    void userEmailsAreUniqueAcrossTheInstallation() {
        Api api = api();
        Api.Session a = api.signup();
        Api.Session b = api.signup();
        api.post("/api/v1/users", b.accessToken(), Map.of("email", a.email(), "role", "VIEWER"))
                .expectError(409, "CONFLICT");
    }

    @Test
    void onlyAdminsManageUsers() {
        Api api = api();
        Api.Session admin = api.signup();
        for (String role : new String[] {"OPERATOR", "CLOSER", "FINANCE", "VIEWER"}) {
            Api.Session user = api.addUser(admin, role);
            api.get("/api/v1/users", user.accessToken()).expectError(403, "FORBIDDEN");
            api.get("/api/v1/users/" + admin.userId(), user.accessToken()).expectError(403, "FORBIDDEN");
            api.post("/api/v1/users", user.accessToken(), Map.of("email", Api.uniqueEmail("x"), "role", "ADMIN"))
                    .expectError(403, "FORBIDDEN");
            api.patch("/api/v1/users/" + admin.userId(), user.accessToken(), Map.of("role", "VIEWER"))
                    .expectError(403, "FORBIDDEN");
            api.get("/api/v1/me", user.accessToken()).expect(200);
        }
        assertThat(api.get("/api/v1/users/" + admin.userId(), admin.accessToken())
                        .json()
                        .path("role")
                        .asText())
                .isEqualTo("ADMIN");
    }

    @Test
    void viewerIsReadOnlyEverywhere() {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Session viewer = api.addUser(admin, "VIEWER");
        // any write, even to an endpoint that does not exist yet, is refused before it reaches a controller
        api.post("/api/v1/anything", viewer.accessToken(), Map.of()).expectError(403, "FORBIDDEN");
        api.patch("/api/v1/users/" + viewer.userId(), viewer.accessToken(), Map.of("role", "ADMIN"))
                .expectError(403, "FORBIDDEN");
        api.post("/api/v1/auth/logout", viewer.accessToken(), null).expect(204);
    }

    @Test
    void changingRoleInvalidatesOlderAccessTokensAtOnce() {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Session user = api.addUser(admin, "OPERATOR");
        api.patch("/api/v1/users/" + user.userId(), admin.accessToken(), Map.of("role", "VIEWER"))
                .expect(200)
                .json();
        api.get("/api/v1/me", user.accessToken()).expectError(401, "UNAUTHORIZED");
        Api.Session again = api.login(user.email(), user.password());
        assertThat(again.role()).isEqualTo("VIEWER");
        api.get("/api/v1/me", again.accessToken()).expect(200);
    }

    @Test
    void deactivatedUserIsSignedOutAndCannotSignIn() {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Session user = api.addUser(admin, "CLOSER");
        Api.Response r = api.patch("/api/v1/users/" + user.userId(), admin.accessToken(), Map.of("active", false))
                .expect(200);
        assertThat(r.json().path("status").asText()).isEqualTo("DEACTIVATED");
        api.get("/api/v1/me", user.accessToken()).expectError(401, "UNAUTHORIZED");
        api.post("/api/v1/auth/refresh", null, Map.of("refreshToken", user.refreshToken()))
                .expect(401);
        api.post("/api/v1/auth/login", null, Map.of("email", user.email(), "password", user.password()))
                .expectError(401, "UNAUTHORIZED");
        api.patch("/api/v1/users/" + user.userId(), admin.accessToken(), Map.of("active", true))
                .expect(200);
        api.login(user.email(), user.password());
    }

    @Test
    void theLastActiveAdminCannotBeDemotedOrDeactivated() {
        Api api = api();
        Api.Session admin = api.signup();
        api.patch("/api/v1/users/" + admin.userId(), admin.accessToken(), Map.of("role", "VIEWER"))
                .expectError(409, "CONFLICT");
        api.patch("/api/v1/users/" + admin.userId(), admin.accessToken(), Map.of("active", false))
                .expectError(409, "CONFLICT");
        api.get("/api/v1/me", admin.accessToken()).expect(200);
    }

    @Test
    void badInputToUsersIs400AndChangesNothing() {
        Api api = api();
        Api.Session admin = api.signup();
        api.post("/api/v1/users", admin.accessToken(), Map.of("email", "nope", "role", "VIEWER"))
                .expectError(400, "VALIDATION_ERROR");
        api.post("/api/v1/users", admin.accessToken(), Map.of("email", Api.uniqueEmail("r"), "role", "KING"))
                .expectError(400, "VALIDATION_ERROR");
        api.post(
                        "/api/v1/users",
                        admin.accessToken(),
                        Map.of("email", Api.uniqueEmail("p"), "role", "VIEWER", "password", "short"))
                .expectError(400, "VALIDATION_ERROR");
        api.patch("/api/v1/users/" + admin.userId(), admin.accessToken(), Map.of("active", "maybe"))
                .expectError(400, "VALIDATION_ERROR");
        api.patch("/api/v1/users/" + admin.userId(), admin.accessToken(), Map.of("nickname", "x"))
                .expectError(400, "VALIDATION_ERROR");
        assertThat(api.get("/api/v1/users", admin.accessToken())
                        .json()
                        .path("pagination")
                        .path("total")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void unknownUserIs404() {
        Api api = api();
        Api.Session admin = api.signup();
        api.get("/api/v1/users/" + UUID.randomUUID(), admin.accessToken()).expectError(404, "NOT_FOUND");
        api.patch("/api/v1/users/" + UUID.randomUUID(), admin.accessToken(), Map.of("role", "VIEWER"))
                .expectError(404, "NOT_FOUND");
    }
}
