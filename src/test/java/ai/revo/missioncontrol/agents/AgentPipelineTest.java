package ai.revo.missioncontrol.agents;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The research and enrichment agents against real data, started through the API and run in the background. */
class AgentPipelineTest extends IntegrationTest {

    static String activeCampaign(Api api, Api.Session s, String name, List<String> channels) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("objective", "Book a demo of our scheduling software");
        body.put("channels", channels);
        body.put(
                "criteria",
                Map.of(
                        "industries", List.of(Map.of("value", "Construction", "weight", 40)),
                        "titles",
                                List.of(
                                        Map.of("value", "Owner", "weight", 30),
                                        Map.of("value", "Operations", "weight", 20)),
                        "locations", List.of(Map.of("value", "Toronto", "weight", 30))));
        String id = api.post("/api/v1/campaigns", s.accessToken(), body)
                .expect(201)
                .json()
                .path("id")
                .asText();
        api.patch("/api/v1/campaigns/" + id + "/status", s.accessToken(), Map.of("status", "ACTIVE"))
                .expect(200);
        return id;
    }

    static JsonNode awaitRun(Api api, Api.Session s, String runId) {
        return org.awaitility.Awaitility.await("run " + runId + " finished")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> api.get("/api/v1/runs/" + runId, s.accessToken())
                                .expect(200)
                                .json(),
                        run -> !run.path("run").path("status").asText().equals("QUEUED")
                                && !run.path("run").path("status").asText().equals("RUNNING"));
    }

    static JsonNode runAgent(Api api, Api.Session s, String agent) {
        JsonNode accepted = api.post("/api/v1/agents/" + agent + "/run", s.accessToken(), Map.of())
                .expect(202)
                .json();
        assertThat(accepted.path("status").asText()).isEqualTo("QUEUED");
        return awaitRun(api, s, accepted.path("runId").asText());
    }

    @Test
    void researchEnrolsFittingContactsAndEnrichmentScoresThemWithTheReason() {
        Api api = api();
        Api.Session admin = api.signup();
        String campaign = activeCampaign(api, admin, "Builders", List.of("EMAIL"));
        api.post(
                        "/api/v1/companies",
                        admin.accessToken(),
                        Map.of(
                                "domain",
                                "acmebuild.com",
                                "name",
                                "Acme Build",
                                "industry",
                                "Construction",
                                "size",
                                "11-50",
                                "employees",
                                40,
                                "city",
                                "Toronto",
                                "country",
                                "Canada"))
                .expect(200);
        api.post(
                        "/api/v1/contacts",
                        admin.accessToken(),
                        Map.of(
                                "firstName",
                                "Ana",
                                "lastName",
                                "Silva",
                                "email",
                                "ana@acmebuild.com",
                                "jobTitle",
                                "Owner"))
                .expect(200);
        api.post(
                        "/api/v1/contacts",
                        admin.accessToken(),
                        Map.of(
                                "firstName",
                                "Bob",
                                "lastName",
                                "Stone",
                                "email",
                                "bob@elsewhere.org",
                                "jobTitle",
                                "Operations lead",
                                "city",
                                "Vancouver"))
                .expect(200);
        api.post(
                        "/api/v1/contacts",
                        admin.accessToken(),
                        Map.of("firstName", "Cy", "email", "cy@nowhere.org", "jobTitle", "Student", "city", "Paris"))
                .expect(200);

        JsonNode research = runAgent(api, admin, "lead_researcher");
        assertThat(research.path("run").path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(research.path("run").path("output").path("leadsEnrolled").asInt())
                .isEqualTo(2);
        assertThat(research.path("run").path("output").path("notMatching").asInt())
                .isEqualTo(1);
        assertThat(research.path("items")).hasSize(2);
        JsonNode leads = api.get("/api/v1/leads?campaignId=" + campaign, admin.accessToken())
                .json()
                .path("data");
        assertThat(leads).hasSize(2);
        leads.forEach(l -> assertThat(l.path("status").asText()).isEqualTo("NEW"));
        // a research task shows the progress on the board
        assertThat(api.get("/api/v1/events/feed?type=task.progress", admin.accessToken())
                        .json()
                        .path("data")
                        .get(0)
                        .path("payload")
                        .path("message")
                        .asText())
                .contains("enrolled 2 new leads");

        // running research again finds nobody new: enrolment is never doubled
        JsonNode again = runAgent(api, admin, "lead_researcher");
        assertThat(again.path("run").path("output").path("leadsEnrolled").asInt(0))
                .isZero();

        // an admin's override on Bob must survive scoring
        String bob = null;
        for (JsonNode l : leads) {
            if (l.path("contact").path("firstName").asText().equals("Bob")) {
                bob = l.path("id").asText();
            }
        }
        api.post(
                        "/api/v1/leads/" + bob + "/score-override",
                        admin.accessToken(),
                        Map.of("score", "A", "reason", "Met him at the trade show"))
                .expect(200);

        JsonNode scoring = runAgent(api, admin, "enrichment_scorer");
        assertThat(scoring.path("run").path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(scoring.path("run").path("output").path("leadsEnriched").asInt())
                .isEqualTo(2);
        Map<String, JsonNode> byName = new HashMap<>();
        api.get("/api/v1/leads?campaignId=" + campaign, admin.accessToken())
                .json()
                .path("data")
                .forEach(l -> byName.put(l.path("contact").path("firstName").asText(), l));
        JsonNode ana = byName.get("Ana");
        assertThat(ana.path("status").asText()).isEqualTo("ENRICHED");
        assertThat(ana.path("score").asText()).isEqualTo("A");
        assertThat(ana.path("scoreReason").asText())
                .contains("industry Construction (40)", "title Owner (30)", "location Toronto (30)");
        JsonNode anaContact = api.get(
                        "/api/v1/contacts/" + ana.path("contactId").asText(), admin.accessToken())
                .json();
        assertThat(anaContact.path("company").asText()).isEqualTo("Acme Build");
        assertThat(anaContact.path("city").asText()).isEqualTo("Toronto");
        assertThat(anaContact.path("timezone").asText()).isEqualTo("America/Toronto");
        JsonNode bobLead = byName.get("Bob");
        assertThat(bobLead.path("score").asText()).isEqualTo("C");
        assertThat(bobLead.path("scoreReason").asText()).contains("title Operations (20)", "industry unknown");
        assertThat(bobLead.path("effectiveScore").asText()).isEqualTo("A");
        JsonNode bobContact = api.get(
                        "/api/v1/contacts/" + bobLead.path("contactId").asText(), admin.accessToken())
                .json();
        assertThat(bobContact.path("timezone").asText()).isEqualTo("America/Vancouver");

        // runs are listed, filtered, and audited as the agent's work
        assertThat(api.get("/api/v1/runs?agent=lead_researcher", admin.accessToken())
                        .json()
                        .path("data"))
                .hasSize(2);
        assertThat(api.get("/api/v1/runs?status=DEAD", admin.accessToken())
                        .json()
                        .path("data"))
                .isEmpty();
        List<String> types = new ArrayList<>();
        api.get("/api/v1/events/feed?type=agent.run.&order=asc", admin.accessToken())
                .json()
                .path("data")
                .forEach(e -> types.add(e.path("type").asText()));
        assertThat(types).startsWith("agent.run.queued", "agent.run.started", "agent.run.succeeded");
        JsonNode metrics = api.get("/api/v1/metrics/agents", admin.accessToken())
                .expect(200)
                .json();
        JsonNode researcher = null;
        for (JsonNode m : metrics.path("data")) {
            if (m.path("agent").asText().equals("lead_researcher")) {
                researcher = m;
            }
        }
        assertThat(researcher.path("runs").asInt()).isEqualTo(2);
        assertThat(researcher.path("successRate").asDouble()).isEqualTo(1.0);
        assertThat(researcher.path("p50Ms").isNumber()).isTrue();
    }

    @Test
    void badRequestsAreRefusedAndChangeNothing() {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Session viewer = api.addUser(admin, "VIEWER");
        api.post("/api/v1/agents/nobody/run", admin.accessToken(), Map.of()).expectError(404, "NOT_FOUND");
        api.post("/api/v1/agents/lead_researcher/run", viewer.accessToken(), Map.of())
                .expectError(403, "FORBIDDEN");
        api.get("/api/v1/metrics/agents?window=forever", admin.accessToken()).expectError(400, "VALIDATION_ERROR");
        api.get("/api/v1/runs/" + java.util.UUID.randomUUID(), admin.accessToken())
                .expectError(404, "NOT_FOUND");
        api.get("/api/v1/briefs/latest", admin.accessToken()).expectError(404, "NOT_FOUND");
        // a paused agent takes no run
        String id = null;
        for (JsonNode a : api.get("/api/v1/agents", admin.accessToken()).json().path("data")) {
            if (a.path("key").asText().equals("lead_researcher")) {
                id = a.path("id").asText();
            }
        }
        api.patch("/api/v1/agents/" + id, admin.accessToken(), Map.of("status", "PAUSED"))
                .expect(200);
        api.post("/api/v1/agents/lead_researcher/run", admin.accessToken(), Map.of())
                .expectError(409, "CONFLICT");
        assertThat(api.get("/api/v1/runs", admin.accessToken()).json().path("data"))
                .isEmpty();
        api.put("/api/v1/agent-settings", admin.accessToken(), Map.of("autoApprove", List.of("EVERYTHING")))
                .expectError(400, "VALIDATION_ERROR");
        assertThat(api.get("/api/v1/agent-settings", admin.accessToken()).json().path("autoApprove"))
                .isEmpty();
    }
}
