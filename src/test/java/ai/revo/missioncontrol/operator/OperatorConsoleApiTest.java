package ai.revo.missioncontrol.operator;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.outbound.RecordingAdapters;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The instance operator's console over the API: who may use it, what it lists, and what its actions do. */
class OperatorConsoleApiTest extends IntegrationTest {

    private Api.Session operator() {
        return api().login("bootstrap-admin@example.com", BOOTSTRAP_PASSWORD);
    }

    private JsonNode row(Api.Session operator, String workspaceId) {
        return api().get("/api/v1/operator/workspaces/" + workspaceId, operator.accessToken())
                .expect(200)
                .json();
    }

    private JsonNode test(Api.Session s, String to) {
        return api().post(
                        "/api/v1/outbound/test",
                        s.accessToken(),
                        Map.of(
                                "channel", "EMAIL",
                                "to", to,
                                "subject", "Hi",
                                "body", "Hello",
                                "idempotencyKey", UUID.randomUUID().toString()))
                .expect(200)
                .json();
    }

    @Test
    void onlyInstanceOperatorsReachTheConsoleAndTheInstallationSettings() {
        Api.Session workspaceAdmin = api().signup();
        for (String path : new String[] {
            "/api/v1/operator/workspaces", "/api/v1/operator/installation", "/api/v1/operator/operators"
        }) {
            api().get(path, workspaceAdmin.accessToken()).expectError(403, "FORBIDDEN");
        }
        api().post(
                        "/api/v1/operator/workspaces/" + workspaceAdmin.tenantId() + "/approve-outbound",
                        workspaceAdmin.accessToken(),
                        null)
                .expectError(403, "FORBIDDEN");
        JsonNode installation = api().get(
                        "/api/v1/operator/installation", operator().accessToken())
                .expect(200)
                .json();
        assertThat(installation.has("smtpHost")).isTrue();
        assertThat(installation.has("llmEndpoint")).isTrue();
        assertThat(installation.path("signupOutbound").asText()).isEqualTo("approved");
        assertThat(installation.toString()).doesNotContainIgnoringCase("password");
    }

    @Test
    void listsWorkspacesWithTheirUsersVolumesAndStanding() {
        Api.Session admin = api().signup();
        api().addUser(admin, "VIEWER");
        JsonNode page = api().get(
                        "/api/v1/operator/workspaces?limit=200", operator().accessToken())
                .expect(200)
                .json();
        assertThat(page.path("pagination").path("total").asInt()).isGreaterThanOrEqualTo(2);
        JsonNode mine = row(operator(), admin.tenantId());
        assertThat(mine.path("userCount").asInt()).isEqualTo(2);
        assertThat(mine.path("adminEmails").get(0).asText()).isEqualTo(admin.email());
        assertThat(mine.path("selfRegistered").asBoolean()).isTrue();
        assertThat(mine.path("suspended").asBoolean()).isFalse();
        assertThat(mine.path("volume").path("sentTotal").asLong()).isZero();
        api().get("/api/v1/operator/workspaces/" + UUID.randomUUID(), operator().accessToken())
                .expectError(404, "NOT_FOUND");
    }

    @Test
    void suspendingSignsTheWorkspaceOutAndReinstatingLetsItBackIn() {
        Api.Session admin = api().signup();
        Api.Session op = operator();
        JsonNode suspended = api().post(
                        "/api/v1/operator/workspaces/" + admin.tenantId() + "/suspend", op.accessToken(), null)
                .expect(200)
                .json();
        assertThat(suspended.path("suspended").asBoolean()).isTrue();
        api().get("/api/v1/me", admin.accessToken()).expectError(401, "UNAUTHORIZED");
        api().post("/api/v1/auth/login", null, Map.of("email", admin.email(), "password", Api.PASSWORD))
                .expectError(403, "FORBIDDEN");
        api().post("/api/v1/operator/workspaces/" + op.tenantId() + "/suspend", op.accessToken(), null)
                .expectError(409, "CONFLICT");
        api().post("/api/v1/operator/workspaces/" + admin.tenantId() + "/reinstate", op.accessToken(), null)
                .expect(200);
        Api.Session back = api().login(admin.email(), Api.PASSWORD);
        // the workspace's own audit log shows who did it
        JsonNode audit = api().get("/api/v1/audit?action=workspace.suspended", back.accessToken())
                .expect(200)
                .json()
                .path("data");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).toString()).contains("bootstrap-admin@example.com");
    }

    @Test
    void sandboxApprovalAndLimitsSetByTheOperatorHoldInTheGateway() {
        Api.Session admin = api().signup();
        RecordingAdapters.configure(TenantId.of(admin.tenantId()));
        api().patch(
                        "/api/v1/settings/safety",
                        admin.accessToken(),
                        Map.of("dryRunMode", false, "channels", Map.of("EMAIL", true)))
                .expect(200);
        Api.Session op = operator();
        String base = "/api/v1/operator/workspaces/" + admin.tenantId();
        assertThat(api().post(base + "/sandbox", op.accessToken(), null)
                        .expect(200)
                        .json()
                        .path("outboundAccess")
                        .asText())
                .isEqualTo("SANDBOXED");
        assertThat(test(admin, "someone@example.com").path("status").asText()).isEqualTo("BLOCKED_SANDBOX");
        api().post(base + "/approve-outbound", op.accessToken(), null).expect(200);
        Map<String, Object> limits = new HashMap<>();
        limits.put("hourlySendLimit", 1);
        limits.put("dailySendLimit", null);
        api().put(base + "/limits", op.accessToken(), Map.of("hourlySendLimit", -1))
                .expectError(400, "VALIDATION_ERROR");
        JsonNode limited = api().put(base + "/limits", op.accessToken(), limits)
                .expect(200)
                .json();
        assertThat(limited.path("limits").path("hourlySendLimit").asInt()).isEqualTo(1);
        assertThat(test(admin, "first@example.com").path("status").asText()).isEqualTo("SENT");
        JsonNode second = test(admin, "second@example.com");
        assertThat(second.path("status").asText()).isEqualTo("BLOCKED_LIMIT");
        assertThat(second.path("reason").asText()).contains("hourly limit of 1");
        assertThat(row(op, admin.tenantId()).path("volume").path("sentLastDay").asLong())
                .isEqualTo(1);
        assertThat(row(op, admin.tenantId())
                        .path("volume")
                        .path("refusedLastDay")
                        .asLong())
                .isEqualTo(2);
    }

    @Test
    void anOperatorNamesAnotherAndRemovesThem() {
        Api.Session other = api().signup();
        Api.Session op = operator();
        api().get("/api/v1/operator/workspaces", other.accessToken()).expectError(403, "FORBIDDEN");
        JsonNode named = api().post("/api/v1/operator/operators", op.accessToken(), Map.of("email", other.email()))
                .expect(201)
                .json();
        assertThat(named.path("email").asText()).isEqualTo(other.email());
        api().post("/api/v1/operator/operators", op.accessToken(), Map.of("email", other.email()))
                .expectError(409, "CONFLICT");
        api().post(
                        "/api/v1/operator/operators",
                        op.accessToken(),
                        Map.of("email", "nobody-" + UUID.randomUUID() + "@example.com"))
                .expectError(404, "NOT_FOUND");
        // the same access token: the authority is read on every request
        api().get("/api/v1/operator/workspaces", other.accessToken()).expect(200);
        api().delete("/api/v1/operator/operators/" + other.userId(), op.accessToken())
                .expect(204);
        api().get("/api/v1/operator/workspaces", other.accessToken()).expectError(403, "FORBIDDEN");
    }
}
