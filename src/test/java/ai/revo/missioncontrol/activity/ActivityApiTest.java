package ai.revo.missioncontrol.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivityApiTest extends IntegrationTest {

    /** Makes {@code n} audited events: alternating EMAIL switches. */
    private static void toggle(Api api, Api.Session admin, int n) {
        for (int i = 0; i < n; i++) {
            api.patch("/api/v1/settings/safety", admin.accessToken(), Map.of("channels", Map.of("EMAIL", i % 2 == 0)))
                    .expect(200);
        }
    }

    @Test
    void feedIsNewestFirstWithCursorPaging() {
        Api api = api();
        Api.Session admin = api.signup();
        toggle(api, admin, 5);
        JsonNode first = api.get("/api/v1/events/feed?type=safety.&limit=2", admin.accessToken())
                .expect(200)
                .json();
        assertThat(first.path("data")).hasSize(2);
        long a = first.path("data").get(0).path("seq").asLong();
        long b = first.path("data").get(1).path("seq").asLong();
        assertThat(a).isGreaterThan(b);
        assertThat(first.path("pagination").path("hasMore").asBoolean()).isTrue();
        long cursor = first.path("pagination").path("nextAfter").asLong();
        List<Long> all = new ArrayList<>(List.of(a, b));
        JsonNode page = first;
        while (page.path("pagination").path("hasMore").asBoolean()) {
            page = api.get("/api/v1/events/feed?type=safety.&limit=2&after=" + cursor, admin.accessToken())
                    .json();
            page.path("data").forEach(e -> all.add(e.path("seq").asLong()));
            cursor = page.path("pagination").path("nextAfter").asLong();
        }
        assertThat(all).hasSize(5).isSortedAccordingTo((x, y) -> Long.compare(y, x));
        JsonNode asc = api.get("/api/v1/events/feed?type=safety.&order=asc", admin.accessToken())
                .json();
        assertThat(asc.path("data").get(0).path("seq").asLong()).isEqualTo(all.get(4));
    }

    @Test
    void envelopeHasEveryDocumentedField() {
        Api api = api();
        Api.Session admin = api.signup();
        toggle(api, admin, 1);
        JsonNode e = api.get("/api/v1/events/feed?limit=1", admin.accessToken())
                .json()
                .path("data")
                .get(0);
        for (String field : List.of(
                "id",
                "seq",
                "type",
                "category",
                "entityType",
                "entityId",
                "taskId",
                "campaignId",
                "actor",
                "timestamp",
                "payload")) {
            assertThat(e.has(field)).as(field).isTrue();
        }
        assertThat(e.path("actor").path("name").asText()).isEqualTo(admin.email());
    }

    @Test
    void feedFiltersByCategoryEntityActorAndTime() {
        Api api = api();
        Api.Session admin = api.signup();
        api.addUser(admin, "OPERATOR");
        toggle(api, admin, 2);
        // workspace.created (at sign-up) and user.added are SYSTEM; the two switches are SAFETY
        assertThat(api.get("/api/v1/events/feed?category=SYSTEM", admin.accessToken())
                        .json()
                        .path("data"))
                .hasSize(2);
        assertThat(api.get("/api/v1/events/feed?entityType=user", admin.accessToken())
                        .json()
                        .path("data"))
                .hasSize(1);
        assertThat(api.get("/api/v1/events/feed?actor=" + admin.userId(), admin.accessToken())
                        .json()
                        .path("data"))
                .hasSize(4);
        assertThat(api.get("/api/v1/events/feed?actor=SYSTEM", admin.accessToken())
                        .json()
                        .path("data"))
                .isEmpty();
        assertThat(api.get("/api/v1/events/feed?since=2999-01-01T00:00:00Z", admin.accessToken())
                        .json()
                        .path("data"))
                .isEmpty();
        assertThat(api.get("/api/v1/events/feed?until=2999-01-01T00:00:00Z", admin.accessToken())
                        .json()
                        .path("data"))
                .hasSize(4);
    }

    @Test
    void badFeedParametersAre400() {
        Api api = api();
        Api.Session admin = api.signup();
        assertThat(api.get("/api/v1/events/feed?category=NOISE", admin.accessToken())
                        .expectError(400, "VALIDATION_ERROR")
                        .body())
                .contains("category");
        api.get("/api/v1/events/feed?after=abc", admin.accessToken()).expectError(400, "VALIDATION_ERROR");
        api.get("/api/v1/events/feed?since=yesterday", admin.accessToken()).expectError(400, "VALIDATION_ERROR");
        api.get("/api/v1/events/feed?campaignId=42", admin.accessToken()).expectError(400, "VALIDATION_ERROR");
        api.get("/api/v1/events/feed?limit=500", admin.accessToken()).expectError(400, "VALIDATION_ERROR");
        api.get("/api/v1/events/feed?order=sideways", admin.accessToken()).expectError(400, "VALIDATION_ERROR");
    }

    @Test
    void workspacesNeverSeeEachOthersEvents() {
        Api api = api();
        Api.Session a = api.signup();
        Api.Session b = api.signup();
        toggle(api, b, 3);
        JsonNode feed = api.get("/api/v1/events/feed", a.accessToken()).json().path("data");
        assertThat(feed).hasSize(1);
        assertThat(feed.get(0).path("entityId").asText()).isEqualTo(a.tenantId());
        assertThat(api.get("/api/v1/audit?action=safety.", a.accessToken())
                        .json()
                        .path("data"))
                .isEmpty();
    }

    @Test
    void auditIsAdminOnly() {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Session operator = api.addUser(admin, "OPERATOR");
        api.get("/api/v1/audit", operator.accessToken()).expectError(403, "FORBIDDEN");
        api.get("/api/v1/audit/export.csv", operator.accessToken()).expect(403);
        JsonNode audit =
                api.get("/api/v1/audit", admin.accessToken()).expect(200).json();
        assertThat(audit.path("data").get(0).path("action").asText()).isEqualTo("user.added");
        assertThat(audit.path("data").get(0).path("after").path("role").asText())
                .isEqualTo("OPERATOR");
    }

    @Test
    void csvExportIsStreamedAndNeutralisesFormulas() {
        Api api = api();
        Api.Session admin = api.signup();
        api.post(
                        "/api/v1/suppressions",
                        admin.accessToken(),
                        Map.of("channel", "EMAIL", "address", "x@example.com", "note", "=HYPERLINK(\"http://evil\")"))
                .expect(201);
        api.post(
                        "/api/v1/suppressions",
                        admin.accessToken(),
                        Map.of("channel", "LINKEDIN", "address", "-2+3", "reason", "DND"))
                .expect(201);
        Api.Response csv =
                api.send("GET", "/api/v1/audit/export.csv", admin.accessToken(), null, Map.of("Accept", "text/csv"));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("timestamp,actor_type,actor_id");
        assertThat(lines).hasSize(4); // header, workspace.created and the two suppressions
        for (String line : lines) {
            for (String cell : line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
                String unquoted = cell.startsWith("\"") ? cell.substring(1) : cell;
                assertThat(unquoted)
                        .doesNotStartWith("=")
                        .doesNotStartWith("+")
                        .doesNotStartWith("-")
                        .doesNotStartWith("@");
            }
        }
        assertThat(csv.body()).contains("suppression.added");
    }

    @Test
    void auditLogRefusesUpdateAndDeleteEvenForTheOwner() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        toggle(api, admin, 1);
        try (Connection c = database().connect();
                Statement s = c.createStatement()) {
            String where = " where tenant_id = '" + admin.tenantId() + "'";
            assertThatThrownBy(() -> s.executeUpdate("update audit_log set action = 'x'" + where))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("delete from audit_log" + where))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.execute("truncate audit_log cascade")).hasMessageContaining("append-only");
            s.execute("set role mc_app");
            s.execute("select set_config('app.tenant_id', '" + admin.tenantId() + "', false)");
            assertThatThrownBy(() -> s.executeUpdate("delete from audit_log" + where))
                    .isNotNull();
        }
        assertThat(api.get("/api/v1/audit", admin.accessToken()).json().path("data"))
                .hasSize(2);
    }

    @Test
    void eventAndAuditRowsCommitWithTheChangeOrNotAtAll() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        // a rejected change (the last admin cannot demote themselves) leaves no event and no audit row
        long events = api.get("/api/v1/events/feed", admin.accessToken())
                .json()
                .path("data")
                .size();
        long audits = api.get("/api/v1/audit", admin.accessToken())
                .json()
                .path("pagination")
                .path("total")
                .asLong();
        api.patch("/api/v1/users/" + admin.userId(), admin.accessToken(), Map.of("role", "VIEWER"))
                .expect(409);
        assertThat(api.get("/api/v1/events/feed", admin.accessToken())
                        .json()
                        .path("data")
                        .size())
                .isEqualTo(events);
        assertThat(api.get("/api/v1/audit", admin.accessToken())
                        .json()
                        .path("pagination")
                        .path("total")
                        .asLong())
                .isEqualTo(audits);
    }
}
