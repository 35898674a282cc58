package ai.revo.missioncontrol.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class ApiConventionsTest extends IntegrationTest {

    @Test
    void echoesAWellFormedRequestIdAndGeneratesOneOtherwise() {
        Api api = api();
        Api.Response given = api.send("GET", "/health", null, null, Map.of("X-Request-Id", "client-req-12345"));
        assertThat(given.header("X-Request-Id")).isEqualTo("client-req-12345");
        Api.Response bad = api.send("GET", "/health", null, null, Map.of("X-Request-Id", "bad id with spaces"));
        assertThat(bad.header("X-Request-Id")).isNotBlank().isNotEqualTo("bad id with spaces");
        Api.Response none = api.get("/api/v1/me", null);
        assertThat(none.json().path("error").path("requestId").asText()).isEqualTo(none.header("X-Request-Id"));
    }

    @Test
    void logLinesAreJsonWithRequestIdTenantAndUser(CapturedOutput output) {
        Api api = api();
        Api.Session admin = api.signup();
        api.send(
                        "POST",
                        "/api/v1/auth/login",
                        null,
                        Map.of("email", admin.email(), "password", "Wrong-password-1"),
                        Map.of("X-Request-Id", "trace-login-0001"))
                .expect(401);
        String line = output.getOut()
                .lines()
                .filter(l -> l.contains("trace-login-0001"))
                .findFirst()
                .orElseThrow();
        assertThat(line).startsWith("{").contains("\"requestId\":\"trace-login-0001\"");
    }

    @Test
    void healthIsPublicAndIncludesTheDatabase() {
        JsonNode health = api().get("/health", null).expect(200).json();
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("db").asText()).isEqualTo("UP");
    }

    @Test
    void prometheusMetricsAreExposed() {
        Api.Response r = api().send("GET", "/actuator/prometheus", null, null, Map.of("Accept", "text/plain"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void listLimitAbove200IsRejected() {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Response r = api.get("/api/v1/users?limit=201", admin.accessToken()).expectError(400, "VALIDATION_ERROR");
        assertThat(r.body()).contains("limit");
        api.get("/api/v1/users?page=0", admin.accessToken()).expectError(400, "VALIDATION_ERROR");
        api.get("/api/v1/users?page=abc", admin.accessToken()).expectError(400, "VALIDATION_ERROR");
        api.get("/api/v1/users?limit=200", admin.accessToken()).expect(200);
    }

    @Test
    void malformedJsonAndWrongTypesAre400() {
        Api api = api();
        api.post("/api/v1/auth/login", null, "{not json").expectError(400, "VALIDATION_ERROR");
        api.post("/api/v1/auth/login", null, "[1,2]").expectError(400, "VALIDATION_ERROR");
        Api.Response r = api.post("/api/v1/auth/login", null, Map.of("email", Map.of("x", 1), "password", "x"))
                .expectError(400, "VALIDATION_ERROR");
        assertThat(r.body()).contains("email");
        api.send("POST", "/api/v1/auth/login", null, "email=x", Map.of("Content-Type", "text/plain"))
                .expect(415);
    }

    @Test
    void controlCharactersAndHugePagesAre400NotServerErrors() {
        Api api = api();
        Api.Session admin = api.signup();
        api.post("/api/v1/auth/login", null, Map.of("email", "a\u0000b@example.com", "password", "Whatever-123"))
                .expect(401);
        api.post(
                        "/api/v1/suppressions",
                        admin.accessToken(),
                        Map.of("channel", "LINKEDIN", "address", "handle", "note", "bad\u0000note"))
                .expectError(400, "VALIDATION_ERROR");
        api.get("/api/v1/outbound?page=20000000&limit=200", admin.accessToken()).expectError(400, "VALIDATION_ERROR");
        api.get("/api/v1/audit?page=99999&limit=200", admin.accessToken()).expect(200);
    }

    @Test
    void unknownEndpointsAnswerInTheErrorShape() {
        Api api = api();
        Api.Session admin = api.signup();
        api.get("/api/v1/no-such-thing", admin.accessToken()).expectError(404, "NOT_FOUND");
        api.send("DELETE", "/api/v1/me", admin.accessToken(), null, Map.of()).expectError(405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void openApiDocumentStatesRolesForEachOperation() {
        JsonNode doc = api().get("/v3/api-docs", null).expect(200).json();
        assertThat(doc.path("openapi").asText()).startsWith("3.");
        JsonNode paths = doc.path("paths");
        assertThat(paths.path("/api/v1/users").path("get").path("description").asText())
                .contains("Roles: ADMIN");
        assertThat(paths.path("/api/v1/me").path("get").path("description").asText())
                .contains("Roles:");
        assertThat(paths.path("/api/v1/auth/login")
                        .path("post")
                        .path("description")
                        .asText())
                .contains("public");
        paths.fields()
                .forEachRemaining(p -> p.getValue()
                        .fields()
                        .forEachRemaining(op -> assertThat(
                                        op.getValue().path("description").asText())
                                .as(op.getKey() + " " + p.getKey())
                                .contains("Roles:")));
        assertThat(api().get("/swagger-ui.html", null).status()).isIn(200, 302);
    }
}
