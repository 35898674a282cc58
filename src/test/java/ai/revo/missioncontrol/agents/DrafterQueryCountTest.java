package ai.revo.missioncontrol.agents;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import ai.revo.missioncontrol.support.StatementCounter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The outreach drafter reads what its pre-checks and its prompt need about the leads (their drafts, their person's
 * do-not-contact standing, the contact, suppressed addresses, the company) for a chunk of leads at a time, in one
 * query per kind, not per lead. Here every lead stops at the suppression pre-check, so the run calls no model and
 * files no draft: what it reads is all lookups.
 */
class DrafterQueryCountTest extends IntegrationTest {

    @Test
    void theDraftersLookupsDoNotGrowWithItsLeads() {
        Api api = api();
        Api.Session admin = api.signup();
        String t = admin.accessToken();
        String campaign = AgentPipelineTest.activeCampaign(api, admin, "Counted drafting", List.of("EMAIL"));
        api.post("/api/v1/companies", t, Map.of("domain", "example.com", "name", "Example", "industry", "Testing"))
                .expect(200);

        seed(api, t, campaign, 5);
        List<String> five = StatementCounter.reads(measure(api, admin, 5));
        seed(api, t, campaign, 45);
        List<String> fifty = StatementCounter.reads(measure(api, admin, 50));
        System.out.printf("DrafterQueryCountTest: reads for 5 leads %d, for 50 leads %d%n", five.size(), fifty.size());
        // one chunk of leads for 5, three for 50: at most the lookups of two more chunks (six reads each: contacts,
        // the workspace's phone region, suppressions, drafts, do-not-contact standing, companies), where reading
        // per lead would add 45 times as many
        assertThat(fifty.size())
                .as("reads for 50 leads (5 leads: %d): %s", five.size(), fifty)
                .isLessThanOrEqualTo(five.size() + 2 * 6);
    }

    private static List<String> measure(Api api, Api.Session admin, int leads) {
        JsonNode[] run = new JsonNode[1];
        List<String> statements = StatementCounter.duringAgentWork(
                () -> run[0] = AgentPipelineTest.runAgent(api, admin, "outreach_drafter"));
        assertThat(run[0].path("run").path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(run[0].path("items").findValuesAsText("message").stream()
                        .filter(r -> r.contains("EMAIL address is suppressed"))
                        .count())
                .as("leads stopped at the suppression pre-check: %s", run[0].path("items"))
                .isEqualTo(leads);
        return statements;
    }

    private static void seed(Api api, String token, String campaign, int n) {
        for (int i = 0; i < n; i++) {
            String email = Api.uniqueEmail("drafted");
            String lead = api.post(
                            "/api/v1/leads",
                            token,
                            Map.of(
                                    "campaignId",
                                    campaign,
                                    "score",
                                    "A",
                                    "contact",
                                    Map.of("email", email, "firstName", "Lead", "lastName", "N" + i)))
                    .expect(201)
                    .json()
                    .path("id")
                    .asText();
            api.patch("/api/v1/leads/" + lead, token, Map.of("status", "ENRICHED"))
                    .expect(200);
            api.post(
                            "/api/v1/suppressions",
                            token,
                            Map.of("channel", "EMAIL", "address", email, "reason", "UNSUBSCRIBED"))
                    .expect(201);
        }
    }
}
