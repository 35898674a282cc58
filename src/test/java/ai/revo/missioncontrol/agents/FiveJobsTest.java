package ai.revo.missioncontrol.agents;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The five default jobs pressed in order with run-now, on a workspace with real material: research enrols, scoring
 * scores, drafting fills the approval inbox with checked drafts, content writes a post, and the brief names the day's
 * real figures. Shared by the template-mode and LLM-mode tests.
 */
final class FiveJobs {

    private FiveJobs() {}

    /** A workspace like the demo: an ACTIVE campaign on EMAIL and LINKEDIN, company data, fitting contacts. */
    static String prepare(Api api, Api.Session admin) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Spring renovations");
        body.put("objective", "Book on-site estimates with contractors");
        body.put("description", "Estimates from $499, booked in two minutes.");
        body.put("channels", List.of("EMAIL", "LINKEDIN"));
        body.put(
                "criteria",
                Map.of(
                        "industries",
                        List.of(Map.of("value", "Construction", "weight", 80)),
                        "titles",
                        List.of(Map.of("value", "Owner", "weight", 60)),
                        "locations",
                        List.of(Map.of("value", "Toronto", "weight", 60))));
        body.put(
                "persona",
                Map.of(
                        "agentName",
                        "Maya",
                        "tone",
                        40,
                        "tenacity",
                        60,
                        "emoji",
                        10,
                        "length",
                        40,
                        "skills",
                        Map.of("appointmentBooking", Map.of("enabled", true, "link", "https://cal.example.com/maya"))));
        String campaign = api.post("/api/v1/campaigns", admin.accessToken(), body)
                .expect(201)
                .json()
                .path("id")
                .asText();
        api.patch("/api/v1/campaigns/" + campaign + "/status", admin.accessToken(), Map.of("status", "ACTIVE"))
                .expect(200);
        api.post(
                        "/api/v1/companies",
                        admin.accessToken(),
                        Map.of(
                                "domain",
                                "northwind-builders.ca",
                                "name",
                                "Northwind Builders",
                                "industry",
                                "Construction",
                                "size",
                                "11-50",
                                "city",
                                "Toronto",
                                "country",
                                "Canada"))
                .expect(200);
        String[][] people = {
            {"Grace", "Li", "grace@northwind-builders.ca", "Owner"},
            {"Finn", "Murray", "finn@northwind-builders.ca", "Owner"},
            {"Isla", "Kerr", "isla@northwind-builders.ca", "Estimator"},
            {"Leo", "Fraser", "leo@pine-street-cafe.ca", "Barista"}
        };
        for (String[] p : people) {
            api.post(
                            "/api/v1/contacts",
                            admin.accessToken(),
                            Map.of("firstName", p[0], "lastName", p[1], "email", p[2], "jobTitle", p[3]))
                    .expect(200);
        }
        return campaign;
    }

    /** Presses run-now on the five default jobs in order; answers each job's finished scheduler run. */
    static List<JsonNode> runInOrder(Api api, Api.Session admin) {
        Map<String, String> ids = new HashMap<>();
        api.get("/api/v1/scheduler/jobs", admin.accessToken())
                .expect(200)
                .json()
                .path("data")
                .forEach(j -> ids.put(j.path("key").asText(), j.path("id").asText()));
        List<JsonNode> runs = new ArrayList<>();
        for (String key : List.of(
                "lead_research",
                "enrichment_scoring",
                "outreach_drafting_qa",
                "content_research_creation_qa",
                "daily_brief")) {
            String runId = api.post(
                            "/api/v1/scheduler/jobs/" + ids.get(key) + "/run-now", admin.accessToken(), Map.of())
                    .expect(202)
                    .json()
                    .path("runId")
                    .asText();
            runs.add(await(api, admin, runId));
        }
        return runs;
    }

    static JsonNode await(Api api, Api.Session admin, String runId) {
        return org.awaitility.Awaitility.await("scheduler run " + runId + " finished")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> api.get("/api/v1/scheduler/runs/" + runId, admin.accessToken())
                                .expect(200)
                                .json(),
                        run -> !run.path("status").asText().equals("QUEUED")
                                && !run.path("status").asText().equals("RUNNING"));
    }

    /** What every mode must show after the five jobs: the chain did real work and the inbox is full of checked drafts. */
    static void assertTheChainWorked(
            Api api, Api.Session admin, String campaign, List<JsonNode> runs, String expectedModel) {
        runs.forEach(r -> assertThat(r.path("status").asText()).as(r.toString()).isEqualTo("COMPLETED"));
        assertThat(runs.get(0).path("counts").path("leadsEnrolled").asInt()).isEqualTo(3);
        assertThat(runs.get(1).path("counts").path("leadsEnriched").asInt()).isEqualTo(3);
        // Grace and Finn fit best (A); Isla has no title match (B); so all three get a first message
        assertThat(runs.get(2).path("counts").path("draftsSubmitted").asInt()).isEqualTo(3);
        assertThat(runs.get(3).path("counts").path("postsSubmitted").asInt()).isEqualTo(1);
        assertThat(runs.get(4).path("counts").path("briefs").asInt()).isEqualTo(1);

        JsonNode inbox = api.get("/api/v1/approvals/inbox", admin.accessToken())
                .expect(200)
                .json()
                .path("data");
        assertThat(inbox).hasSize(4);
        int emails = 0;
        for (JsonNode item : inbox) {
            JsonNode draft = item.path("draft");
            assertThat(draft.path("author").path("type").asText()).isEqualTo("AGENT");
            assertThat(draft.path("checks").path("passed").asBoolean())
                    .as(draft.toString())
                    .isTrue();
            assertThat(draft.path("checks").path("model").asText()).isEqualTo(expectedModel);
            assertThat(draft.path("checks").path("results")).hasSizeGreaterThanOrEqualTo(8);
            if (expectedModel.equals("template")) {
                assertThat(draft.path("confidence").isNull())
                        .as("a template-written draft has no confidence")
                        .isTrue();
                assertThat(draft.path("checks").path("confidenceBasis").asText())
                        .isEqualTo("TEMPLATE");
                assertThat(draft.path("checks").path("gatePassed").asBoolean()).isFalse();
            } else {
                assertThat(draft.path("confidence").asDouble()).isGreaterThanOrEqualTo(0.7);
            }
            if (draft.path("channel").asText().equals("EMAIL")) {
                emails++;
                assertThat(draft.path("subject").asText()).isNotBlank();
                assertThat(draft.path("bodyText").asText()).doesNotContain("{{");
            }
        }
        assertThat(emails).isEqualTo(3);
        JsonNode leads = api.get("/api/v1/leads?campaignId=" + campaign + "&status=DRAFTED", admin.accessToken())
                .json()
                .path("data");
        assertThat(leads).hasSize(3);
        JsonNode brief = api.get("/api/v1/briefs/latest", admin.accessToken())
                .expect(200)
                .json();
        assertThat(brief.path("model").asText()).isEqualTo(expectedModel);
        assertThat(brief.path("wins").toString())
                .contains(
                        expectedModel.equals("template")
                                ? "3 first messages written from the template (no model)"
                                : "3 first messages personalised by the model",
                        "3 new leads enrolled by lead research");
        assertThat(brief.path("wins").toString())
                .doesNotContain(expectedModel.equals("template") ? "personalised" : "template");
        assertThat(brief.path("blockers").toString()).contains("4 drafts wait for approval");
        assertThat(brief.path("nextMoves").get(0).asText()).contains("Review the 4 drafts");
        assertThat(brief.path("nextMoves").toString())
                .as("the next research run is read from the real schedule")
                .contains("The next lead research run (Lead research, ", "America/Toronto")
                .doesNotContain("tomorrow's 09:00");
        assertThat(brief.path("text").asText()).isNotBlank();
    }
}
