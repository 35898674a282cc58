package ai.revo.missioncontrol.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** A small HTTP client for the API, the way an outside client uses it. */
public final class Api {

    public static final String PASSWORD = "Correct-Horse-Battery-9";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    public Api(String base) {
        this.base = base;
    }

    public record Response(int status, String body, JsonNode json, java.net.http.HttpHeaders headers) {
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String errorCode() {
            return json.path("error").path("code").asText(null);
        }

        public Response expect(int expected) {
            assertThat(status)
                    .as("HTTP status of a response with body %s", body)
                    .isEqualTo(expected);
            return this;
        }

        /** Asserts the API error shape with the given status and code. */
        public Response expectError(int expected, String code) {
            expect(expected);
            assertThat(json.path("error").path("code").asText()).isEqualTo(code);
            assertThat(json.path("error").path("message").asText()).isNotBlank();
            assertThat(json.path("error").has("details")).isTrue();
            assertThat(json.path("error").path("timestamp").asText()).isNotBlank();
            assertThat(json.path("error").path("requestId").asText()).isNotBlank();
            return this;
        }
    }

    /** A signed-in user of a workspace. */
    public record Session(
            String email,
            String password,
            String accessToken,
            String refreshToken,
            String tenantId,
            String userId,
            String role) {}

    public Response get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    public Response post(String path, String token, Object body) {
        return send("POST", path, token, body, Map.of());
    }

    public Response patch(String path, String token, Object body) {
        return send("PATCH", path, token, body, Map.of());
    }

    public Response put(String path, String token, Object body) {
        return send("PUT", path, token, body, Map.of());
    }

    public Response delete(String path, String token) {
        return send("DELETE", path, token, null, Map.of());
    }

    public Response send(String method, String path, String token, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
            String payload = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            request.method(
                    method,
                    payload == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(payload));
            if (payload != null && !headers.containsKey("Content-Type")) {
                request.header("Content-Type", "application/json");
            }
            request.header("Accept", "application/json");
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            headers.forEach(request::header);
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json;
            try {
                json = response.body() == null || response.body().isBlank()
                        ? MissingNode.getInstance()
                        : JSON.readTree(response.body());
            } catch (IOException notJson) {
                json = MissingNode.getInstance();
            }
            return new Response(response.statusCode(), response.body(), json, response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    }

    /** Creates a new workspace with its admin and returns the admin's session. */
    public Session signup() {
        String email = uniqueEmail("admin");
        Response r = post(
                        "/api/v1/auth/signup",
                        null,
                        Map.of("email", email, "password", PASSWORD, "workspaceName", "Workspace " + email))
                .expect(201);
        return session(email, PASSWORD, r);
    }

    /** Adds a user with the given role to the admin's workspace and signs them in. */
    public Session addUser(Session admin, String role) {
        String email = uniqueEmail(role.toLowerCase());
        post("/api/v1/users", admin.accessToken(), Map.of("email", email, "role", role, "password", PASSWORD))
                .expect(201);
        return login(email, PASSWORD);
    }

    public Session login(String email, String password) {
        Response r = post("/api/v1/auth/login", null, Map.of("email", email, "password", password))
                .expect(200);
        return session(email, password, r);
    }

    private Session session(String email, String password, Response tokens) {
        String access = tokens.json().path("accessToken").asText();
        JsonNode me = get("/api/v1/me", access).expect(200).json();
        return new Session(
                email,
                password,
                access,
                tokens.json().path("refreshToken").asText(),
                me.path("workspace").path("id").asText(),
                me.path("user").path("id").asText(),
                me.path("user").path("role").asText());
    }
}
