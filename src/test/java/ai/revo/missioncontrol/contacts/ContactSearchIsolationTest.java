package ai.revo.missioncontrol.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The security-definer search function (V0087) reads contacts outside row-level security, so it must filter the
 * workspace itself: only the transaction's app.tenant_id, nothing without one, whatever the patterns.
 */
class ContactSearchIsolationTest extends IntegrationTest {

    @Test
    void theSearchFunctionAnswersOnlyTheTransactionsOwnWorkspace() throws Exception {
        Api api = api();
        Api.Session a = api.signup();
        Api.Session b = api.signup();
        String marker = "Quenby" + UUID.randomUUID().toString().substring(0, 6);
        String inA = api.post(
                        "/api/v1/contacts", a.accessToken(), Map.of("firstName", marker, "email", Api.uniqueEmail("a")))
                .expect(200)
                .json()
                .path("id")
                .asText();
        String inB = api.post(
                        "/api/v1/contacts", b.accessToken(), Map.of("firstName", marker, "email", Api.uniqueEmail("b")))
                .expect(200)
                .json()
                .path("id")
                .asText();
        String pattern = "%" + marker.toLowerCase() + "%";
        assertThat(ids(null, pattern)).isEmpty();
        assertThat(ids(a.tenantId(), pattern)).containsExactly(inA);
        assertThat(ids(b.tenantId(), pattern)).containsExactly(inB);
        assertThat(ids(a.tenantId(), "%")).doesNotContain(inB);
        // through the API, each workspace finds its own only
        assertThat(api.get("/api/v1/search?q=" + marker, a.accessToken()).body())
                .contains(inA)
                .doesNotContain(inB);
    }

    /** Calls the function as the application's runtime role, with {@code tenant} as app.tenant_id (or none). */
    private List<String> ids(String tenant, String pattern) throws Exception {
        try (Connection c = database().connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("set local role mc_app");
                if (tenant != null) {
                    s.execute("select set_config('app.tenant_id', '" + UUID.fromString(tenant) + "', true)");
                }
            }
            List<String> out = new ArrayList<>();
            try (PreparedStatement p =
                    c.prepareStatement("select * from contacts_search_ids(cast(? as text[]), null, false, 1000)")) {
                p.setArray(1, c.createArrayOf("text", new String[] {pattern}));
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            c.rollback();
            return out;
        }
    }
}
