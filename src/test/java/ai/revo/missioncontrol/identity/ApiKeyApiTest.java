package ai.revo.missioncontrol.identity;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * API keys over the API against the real PostgreSQL: created once, used as a bearer token within their scopes and
 * their user's role, refused after revocation or expiry, invisible to other users and workspaces.
 */
class ApiKeyApiTest extends IntegrationTest {

    @Test
    void aKeyWorksAsBearerWithinItsScopesUntilItIsRevoked() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        JsonNode created = api.post(
                        "/api/v1/api-keys",
                        admin.accessToken(),
                        Map.of("name", "CI import", "scopes", List.of("read", "write"), "expiresInDays", 30))
                .expect(201)
                .json();
        String token = created.path("token").asText();
        String id = created.path("apiKey").path("id").asText();
        assertThat(token).startsWith("mc_pat_").hasSizeGreaterThan(40);
        assertThat(created.path("warnings")).isEmpty();
        JsonNode view = created.path("apiKey");
        assertThat(view.path("name").asText()).isEqualTo("CI import");
        assertThat(view.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(view.path("display").asText())
                .startsWith(token.substring(0, 11))
                .endsWith(token.substring(token.length() - 4));
        assertThat(Instant.parse(view.path("expiresAt").asText()))
                .isCloseTo(Instant.now().plus(30, ChronoUnit.DAYS), within(120));
        assertThat(view.path("lastUsedAt").isNull()).isTrue();

        // only the hash is stored
        try (Connection c = database().connect();
                PreparedStatement s = c.prepareStatement(
                        "select token_hash, token_prefix, last_four, scopes" + " from api_keys where id = ?::uuid")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(SecretToken.hash(token)).doesNotContain(token);
                assertThat(rs.getString(2)).isEqualTo(token.substring(0, 11));
                assertThat(rs.getString(3)).isEqualTo(token.substring(token.length() - 4));
                assertThat(rs.getString(4)).isEqualTo("read,write");
            }
        }

        // the key acts as its user, in the user's workspace
        JsonNode me = api.get("/api/v1/me", token).expect(200).json();
        assertThat(me.path("user").path("email").asText()).isEqualTo(admin.email());
        assertThat(me.path("workspace").path("id").asText()).isEqualTo(admin.tenantId());
        assertThat(api.post("/api/v1/campaigns", token, Map.of("name", "Via key"))
                        .expect(201)
                        .json()
                        .path("name")
                        .asText())
                .isEqualTo("Via key");
        assertThat(api.get("/api/v1/campaigns", admin.accessToken()).body()).contains("Via key");

        // outside its scopes: 403 naming the scope, even though the user (ADMIN) could
        Api.Response refused = api.patch("/api/v1/settings/workspace", token, Map.of("timeZone", "Europe/Paris"))
                .expectError(403, "FORBIDDEN");
        assertThat(refused.json().path("error").path("message").asText()).contains("'admin' scope");
        assertThat(refused.json()
                        .path("error")
                        .path("details")
                        .path("requiredScope")
                        .asText())
                .isEqualTo("admin");
        api.post("/api/v1/approvals/bulk", token, Map.of("decision", "REJECT", "draftIds", List.of(), "reason", "x"))
                .expectError(403, "FORBIDDEN");
        assertThat(api.get("/api/v1/settings/workspace", admin.accessToken())
                        .json()
                        .path("timeZone")
                        .asText())
                .isNotEqualTo("Europe/Paris");

        // last use recorded, once
        JsonNode listed =
                api.get("/api/v1/api-keys", admin.accessToken()).expect(200).json();
        assertThat(listed.path("pagination").path("total").asLong()).isEqualTo(1);
        JsonNode row = listed.path("data").path(0);
        assertThat(row.path("id").asText()).isEqualTo(id);
        assertThat(row.has("token")).isFalse();
        assertThat(listed.toString()).doesNotContain(token);
        assertThat(row.path("lastUsedAt").isNull()).isFalse();
        assertThat(row.path("scopes").toString()).isEqualTo("[\"read\",\"write\"]");

        // revoked: the next request is refused with 401 in the error shape
        api.delete("/api/v1/api-keys/" + id, admin.accessToken()).expect(204);
        Api.Response after = api.get("/api/v1/campaigns", token).expectError(401, "UNAUTHORIZED");
        assertThat(after.json().path("error").path("message").asText()).isEqualTo("API key was revoked");
        assertThat(api.get("/api/v1/api-keys", admin.accessToken())
                        .json()
                        .path("data")
                        .path(0)
                        .path("status")
                        .asText())
                .isEqualTo("REVOKED");
        // revoking again changes nothing
        api.delete("/api/v1/api-keys/" + id, admin.accessToken()).expect(204);

        // audited: created and revoked, never with the token
        JsonNode audit = api.get("/api/v1/audit?action=api_key", admin.accessToken())
                .expect(200)
                .json();
        assertThat(audit.toString())
                .contains("api_key.created")
                .contains("api_key.revoked")
                .contains("CI import")
                .doesNotContain(token)
                .doesNotContain(SecretToken.hash(token));
        assertThat(countAudits(admin.tenantId(), "api_key.revoked")).isEqualTo(1);
    }

    @Test
    void aKeyUsedManyTimesInAMinuteRecordsItsLastUseOnce() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        JsonNode created = api.post(
                        "/api/v1/api-keys",
                        admin.accessToken(),
                        Map.of("name", "Poller", "scopes", List.of("read"), "expiresInDays", 7))
                .expect(201)
                .json();
        String token = created.path("token").asText();
        String id = created.path("apiKey").path("id").asText();
        api.get("/api/v1/campaigns", token).expect(200);
        Instant first = lastUsed(id);
        assertThat(first).isNotNull();
        long versionBefore = version(id);
        for (int i = 0; i < 5; i++) {
            api.get("/api/v1/campaigns", token).expect(200);
        }
        assertThat(lastUsed(id)).isEqualTo(first);
        assertThat(version(id)).isEqualTo(versionBefore);
        // a use more than a minute after the recorded one is recorded again
        try (Connection c = database().connect();
                PreparedStatement s = c.prepareStatement(
                        "update api_keys set last_used_at = now() - interval '2 minutes' where id = ?::uuid")) {
            s.setString(1, id);
            s.executeUpdate();
        }
        Instant backdated = lastUsed(id);
        api.get("/api/v1/campaigns", token).expect(200);
        assertThat(lastUsed(id)).isAfter(backdated);
        // a read-only key cannot write
        api.post("/api/v1/campaigns", token, Map.of("name", "Nope")).expectError(403, "FORBIDDEN");
    }

    @Test
    void aLiveStreamOpenedWithAKeyIsClosedWhenTheKeyIsRevoked() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        JsonNode created = api.post(
                        "/api/v1/api-keys",
                        admin.accessToken(),
                        Map.of("name", "Stream", "scopes", List.of("read"), "expiresInDays", 7))
                .expect(201)
                .json();
        String token = created.path("token").asText();
        String url = "http://127.0.0.1:" + port + "/api/v1/events/stream";
        try (ai.revo.missioncontrol.support.SseClient sse =
                new ai.revo.missioncontrol.support.SseClient(url, token, Map.of())) {
            assertThat(sse.status()).isEqualTo(200);
            assertThat(sse.endsWithin(java.time.Duration.ofMillis(1500)))
                    .as("still open while the key works")
                    .isFalse();
            api.delete("/api/v1/api-keys/" + created.path("apiKey").path("id").asText(), admin.accessToken())
                    .expect(204);
            assertThat(sse.endsWithin(java.time.Duration.ofSeconds(10)))
                    .as("closed after revocation")
                    .isTrue();
        }
    }

    @Test
    void anExpiredKeyIsRefusedWith401() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        java.time.LocalDate day =
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(10);
        JsonNode created = api.post(
                        "/api/v1/api-keys",
                        admin.accessToken(),
                        Map.of("name", "Short", "scopes", List.of("read"), "expiresAt", day.toString()))
                .expect(201)
                .json();
        // a date: the key works through that day (UTC)
        assertThat(Instant.parse(created.path("apiKey").path("expiresAt").asText()))
                .isEqualTo(
                        day.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        String token = created.path("token").asText();
        String id = created.path("apiKey").path("id").asText();
        api.get("/api/v1/campaigns", token).expect(200);
        try (Connection c = database().connect();
                PreparedStatement s = c.prepareStatement(
                        "update api_keys set expires_at = now() - interval '1 second' where id = ?::uuid")) {
            s.setString(1, id);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        Api.Response refused = api.get("/api/v1/campaigns", token).expectError(401, "UNAUTHORIZED");
        assertThat(refused.json().path("error").path("message").asText()).isEqualTo("API key has expired");
        assertThat(api.get("/api/v1/api-keys", admin.accessToken())
                        .json()
                        .path("data")
                        .path(0)
                        .path("status")
                        .asText())
                .isEqualTo("EXPIRED");
        // an unknown key, and a JWT-looking garbage token, are 401 too
        api.get("/api/v1/campaigns", "mc_pat_" + "x".repeat(43)).expectError(401, "UNAUTHORIZED");
        api.get("/api/v1/campaigns", "not-a-token").expectError(401, "UNAUTHORIZED");
    }

    @Test
    void aKeyNeverExceedsItsUsersRole() {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Session viewer = api.addUser(admin, "VIEWER");
        Api.Session operator = api.addUser(admin, "OPERATOR");
        // a VIEWER's keys can only read; admin needs ADMIN
        api.post(
                        "/api/v1/api-keys",
                        viewer.accessToken(),
                        Map.of("name", "V", "scopes", List.of("read", "write"), "expiresInDays", 7))
                .expectError(400, "VALIDATION_ERROR");
        api.post(
                        "/api/v1/api-keys",
                        operator.accessToken(),
                        Map.of("name", "O", "scopes", List.of("admin"), "expiresInDays", 7))
                .expectError(400, "VALIDATION_ERROR");
        String viewerToken = api.post(
                        "/api/v1/api-keys",
                        viewer.accessToken(),
                        Map.of("name", "V", "scopes", List.of("read"), "neverExpires", true))
                .expect(201)
                .json()
                .path("token")
                .asText();
        api.get("/api/v1/campaigns", viewerToken).expect(200);
        // an operator's key with write and send: still the operator's role (approving is ADMIN's)
        JsonNode op = api.post(
                        "/api/v1/api-keys",
                        operator.accessToken(),
                        Map.of("name", "O", "scopes", List.of("read", "write", "send"), "neverExpires", true))
                .expect(201)
                .json();
        assertThat(op.path("warnings").toString()).contains("never expires");
        assertThat(op.path("apiKey").path("expiresAt").isNull()).isTrue();
        String opToken = op.path("token").asText();
        String campaign = api.post("/api/v1/campaigns", opToken, Map.of("name", "Op campaign"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        String draft = api.post(
                        "/api/v1/drafts",
                        opToken,
                        Map.of("campaignId", campaign, "channel", "SMS", "bodyText", "hello"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        api.post("/api/v1/drafts/" + draft + "/approve", opToken, null).expectError(403, "FORBIDDEN");
        // the user's role is read on every request: deactivating the user stops the key at once
        api.patch("/api/v1/users/" + operator.userId(), admin.accessToken(), Map.of("active", false))
                .expect(200);
        api.get("/api/v1/campaigns", opToken).expectError(401, "UNAUTHORIZED");
        // and a key never carries the operator console's authority
        api.get("/api/v1/operator/workspaces", viewerToken).expectError(403, "FORBIDDEN");
    }

    @Test
    void badRequestsAreAnsweredWithTheFieldAndWhy() {
        Api api = api();
        Api.Session admin = api.signup();
        String t = admin.accessToken();
        expectField(api.post("/api/v1/api-keys", t, Map.of("scopes", List.of("read"), "expiresInDays", 7)), "name");
        expectField(api.post("/api/v1/api-keys", t, Map.of("name", "x", "expiresInDays", 7)), "scopes");
        expectField(
                api.post("/api/v1/api-keys", t, Map.of("name", "x", "scopes", List.of("delete"), "expiresInDays", 7)),
                "scopes");
        expectField(api.post("/api/v1/api-keys", t, Map.of("name", "x", "scopes", List.of("read"))), "expiresInDays");
        expectField(
                api.post(
                        "/api/v1/api-keys",
                        t,
                        Map.of("name", "x", "scopes", List.of("read"), "expiresInDays", 7, "neverExpires", true)),
                "expiresInDays");
        expectField(
                api.post("/api/v1/api-keys", t, Map.of("name", "x", "scopes", List.of("read"), "expiresInDays", 0)),
                "expiresInDays");
        expectField(
                api.post(
                        "/api/v1/api-keys",
                        t,
                        Map.of("name", "x", "scopes", List.of("read"), "expiresAt", "2001-01-01")),
                "expiresAt");
        expectField(
                api.post(
                        "/api/v1/api-keys",
                        t,
                        Map.of("name", "x", "scopes", List.of("read"), "expiresAt", "next week")),
                "expiresAt");
        assertThat(api.get("/api/v1/api-keys", t)
                        .json()
                        .path("pagination")
                        .path("total")
                        .asLong())
                .isZero();
    }

    @Test
    void anotherUsersOrWorkspacesKeyIsNotFoundAndKeepsWorking() {
        Api api = api();
        Api.Session a = api.signup();
        Api.Session b = api.signup();
        Api.Session colleague = api.addUser(b, "OPERATOR");
        JsonNode created = api.post(
                        "/api/v1/api-keys",
                        b.accessToken(),
                        Map.of("name", "B's key", "scopes", List.of("read"), "expiresInDays", 7))
                .expect(201)
                .json();
        String id = created.path("apiKey").path("id").asText();
        String token = created.path("token").asText();
        api.delete("/api/v1/api-keys/" + id, a.accessToken()).expectError(404, "NOT_FOUND");
        api.delete("/api/v1/api-keys/" + id, colleague.accessToken()).expectError(404, "NOT_FOUND");
        api.delete("/api/v1/api-keys/" + UUID.randomUUID(), b.accessToken()).expectError(404, "NOT_FOUND");
        assertThat(api.get("/api/v1/api-keys", a.accessToken()).json().path("data"))
                .isEmpty();
        assertThat(api.get("/api/v1/api-keys", colleague.accessToken()).json().path("data"))
                .isEmpty();
        api.get("/api/v1/api-keys", token).expect(200);
        // B's key sees only B's workspace
        assertThat(api.get("/api/v1/me", token)
                        .json()
                        .path("workspace")
                        .path("id")
                        .asText())
                .isEqualTo(b.tenantId());
    }

    private static void expectField(Api.Response response, String field) {
        response.expectError(400, "VALIDATION_ERROR");
        assertThat(response.json()
                        .path("error")
                        .path("details")
                        .path("fields")
                        .path(0)
                        .path("field")
                        .asText())
                .isEqualTo(field);
    }

    private static org.assertj.core.data.TemporalUnitOffset within(long seconds) {
        return org.assertj.core.api.Assertions.within(seconds, ChronoUnit.SECONDS);
    }

    private Instant lastUsed(String id) throws Exception {
        try (Connection c = database().connect();
                PreparedStatement s = c.prepareStatement("select last_used_at from api_keys where id = ?::uuid")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                var t = rs.getTimestamp(1);
                return t == null ? null : t.toInstant();
            }
        }
    }

    private long version(String id) throws Exception {
        try (Connection c = database().connect();
                PreparedStatement s = c.prepareStatement("select version from api_keys where id = ?::uuid")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long countAudits(String tenant, String action) throws Exception {
        try (Connection c = database().connect();
                PreparedStatement s =
                        c.prepareStatement("select count(*) from audit_log where tenant_id = ?::uuid and action = ?")) {
            s.setString(1, tenant);
            s.setString(2, action);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
