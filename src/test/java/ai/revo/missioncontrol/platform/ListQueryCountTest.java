package ai.revo.missioncontrol.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import ai.revo.missioncontrol.support.StatementCounter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A list endpoint costs the same number of SQL statements for 5 rows as for 50: its rows and what each row shows
 * (the contact of a lead, the campaign of a draft, the lead's name in the inbox) are loaded in one query per kind,
 * never one query per row.
 */
class ListQueryCountTest extends IntegrationTest {

    private static final List<String> LISTS = List.of(
            "/api/v1/contacts?limit=100",
            "/api/v1/leads?limit=100",
            "/api/v1/drafts?limit=100",
            "/api/v1/approvals/inbox?limit=100");

    @Test
    void aListOfFiftyRowsCostsAsManyStatementsAsAListOfFive() {
        Api api = api();
        Api.Session admin = api.signup();
        String t = admin.accessToken();
        String campaign = api.post("/api/v1/campaigns", t, Map.of("name", "Counted " + UUID.randomUUID()))
                .expect(201)
                .json()
                .path("id")
                .asText();
        seed(api, t, campaign, 5);
        Map<String, List<String>> five = measure(api, t, 5);
        seed(api, t, campaign, 45);
        Map<String, List<String>> fifty = measure(api, t, 50);
        List<String> growing = new ArrayList<>();
        for (String list : LISTS) {
            System.out.printf(
                    "ListQueryCountTest: %s statements for 5 rows %d, for 50 rows %d%n",
                    list, five.get(list).size(), fifty.get(list).size());
            if (fifty.get(list).size() > five.get(list).size()) {
                growing.add(list + " " + five.get(list).size() + " -> "
                        + fifty.get(list).size() + ": " + fifty.get(list));
            }
        }
        assertThat(growing).as("lists whose statements grow with their rows").isEmpty();
    }

    private Map<String, List<String>> measure(Api api, String token, int rows) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String list : LISTS) {
            api.get(list, token).expect(200); // warm: first-use caches (settings, prompts) are not the point
            StatementCounter.Counted<Api.Response> counted =
                    StatementCounter.counting(() -> api.get(list, token).expect(200));
            assertThat(counted.value().json().path("data").size())
                    .as("rows of %s", list)
                    .isEqualTo(rows);
            out.put(list, counted.statements());
        }
        return out;
    }

    private static void seed(Api api, String token, String campaign, int n) {
        for (int i = 0; i < n; i++) {
            String lead = api.post(
                            "/api/v1/leads",
                            token,
                            Map.of(
                                    "campaignId",
                                    campaign,
                                    "contact",
                                    Map.of(
                                            "email",
                                            Api.uniqueEmail("counted"),
                                            "firstName",
                                            "Row",
                                            "lastName",
                                            "N" + i)))
                    .expect(201)
                    .json()
                    .path("id")
                    .asText();
            Map<String, Object> body = new HashMap<>();
            body.put("campaignId", campaign);
            body.put("leadId", lead);
            body.put("channel", "EMAIL");
            body.put("subject", "Hello " + i);
            body.put("bodyText", "Hello, row " + i);
            String draft = api.post("/api/v1/drafts", token, body)
                    .expect(201)
                    .json()
                    .path("id")
                    .asText();
            api.patch("/api/v1/drafts/" + draft, token, Map.of("status", "NEEDS_APPROVAL"))
                    .expect(200);
        }
    }
}
