package ai.revo.missioncontrol.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Template mode tells the truth: rule-based personalising with the reader's data, template drafts without a
 * confidence that never auto-approve unless a person approved the template, and do-not-contact held by the person
 * across campaigns.
 */
class TemplateHonestyTest extends IntegrationTest {

    @Test
    void personaliseFillsTheGreetingAndAnOpenerFromTheLead() {
        Api api = api();
        Api.Session admin = api.signup();
        String campaign = AgentPipelineTest.activeCampaign(api, admin, "Crew planner", List.of("EMAIL"));
        String lead = api.post(
                        "/api/v1/leads",
                        admin.accessToken(),
                        Map.of(
                                "campaignId",
                                campaign,
                                "contact",
                                Map.of(
                                        "firstName", "Ada",
                                        "lastName", "Lovelace",
                                        "email", "ada@engines.example.com",
                                        "company", "Analytical Engines",
                                        "jobTitle", "Head of Research")))
                .expect(201)
                .json()
                .path("id")
                .asText();
        JsonNode p = api.post(
                        "/api/v1/ai/personalize",
                        admin.accessToken(),
                        Map.of("leadId", lead, "text", "Hello,\n\nwould a demo of {{campaign.name}} help?"))
                .expect(200)
                .json();
        assertThat(p.path("model").asText()).isEqualTo("rules");
        assertThat(p.path("confidence").isNull()).isTrue();
        assertThat(p.path("text").asText())
                .isEqualTo("Hi Ada,\n\nI'm writing to you as the Head of Research at Analytical Engines. "
                        + "Would a demo of Crew planner help?");
        assertThat(p.path("changes").toString()).contains("merge fields", "greeting", "opener");

        JsonNode formal = api.post(
                        "/api/v1/ai/personalize",
                        admin.accessToken(),
                        Map.of(
                                "leadId",
                                lead,
                                "text",
                                "Hi Ada,\n\nAnalytical Engines could plan crews faster.",
                                "tone",
                                "Formal"))
                .expect(200)
                .json();
        assertThat(formal.path("text").asText())
                .isEqualTo("Dear Ada Lovelace,\n\nAnalytical Engines could plan crews faster.");

        api.post(
                        "/api/v1/ai/personalize",
                        admin.accessToken(),
                        Map.of("leadId", lead, "text", "Hi Ada,\n\nAnalytical Engines could plan crews faster."))
                .expectError(422, "NEEDS_LANGUAGE_MODEL");
    }

    @Test
    void templateDraftsWaitForAPersonUntilTheTemplateIsApprovedForAutomaticUse() {
        Api api = api();
        Api.Session admin = api.signup();
        FiveJobs.prepare(api, admin);
        api.put("/api/v1/agent-settings", admin.accessToken(), Map.of("autoApprove", List.of("FIRST_MESSAGE")))
                .expect(200);
        AgentPipelineTest.runAgent(api, admin, "lead_researcher");
        AgentPipelineTest.runAgent(api, admin, "enrichment_scorer");
        JsonNode run = AgentPipelineTest.runAgent(api, admin, "outreach_drafter");
        assertThat(run.path("run").path("output").path("draftsByTemplate").asInt())
                .isEqualTo(3);
        JsonNode drafts = api.get("/api/v1/drafts?limit=50", admin.accessToken())
                .expect(200)
                .json()
                .path("data");
        assertThat(drafts).hasSize(3);
        for (JsonNode d : drafts) {
            assertThat(d.path("status").asText())
                    .as("auto-approval needs a model's confidence or an approved template")
                    .isEqualTo("NEEDS_APPROVAL");
            assertThat(d.path("confidence").isNull()).isTrue();
        }

        JsonNode approved = api.post(
                        "/api/v1/prompts/outreach_first_message/automatic-use",
                        admin.accessToken(),
                        Map.of("version", 1, "approved", true))
                .expect(200)
                .json();
        assertThat(approved.path("automaticUseApprovedBy").asText()).isNotBlank();
        api.post(
                        "/api/v1/prompts/outreach_first_message/automatic-use",
                        api.addUser(admin, "OPERATOR").accessToken(),
                        Map.of("version", 1))
                .expectError(403, "FORBIDDEN");
        api.post("/api/v1/prompts/outreach_first_message/automatic-use", admin.accessToken(), Map.of("version", 99))
                .expectError(404, "NOT_FOUND");

        api.post(
                        "/api/v1/contacts",
                        admin.accessToken(),
                        Map.of(
                                "firstName",
                                "Nora",
                                "lastName",
                                "Quinn",
                                "email",
                                "nora@northwind-builders.ca",
                                "jobTitle",
                                "Owner"))
                .expect(200);
        AgentPipelineTest.runAgent(api, admin, "lead_researcher");
        AgentPipelineTest.runAgent(api, admin, "enrichment_scorer");
        AgentPipelineTest.runAgent(api, admin, "outreach_drafter");
        JsonNode after = api.get("/api/v1/drafts?status=APPROVED&limit=50", admin.accessToken())
                .expect(200)
                .json()
                .path("data");
        assertThat(after).hasSize(1);
        assertThat(after.get(0).path("checks").path("confidenceBasis").asText()).isEqualTo("TEMPLATE_APPROVED");
        JsonNode audit = api.get("/api/v1/audit?action=prompt.automatic_use.approved", admin.accessToken())
                .expect(200)
                .json()
                .path("data");
        assertThat(audit).hasSize(1);
    }

    @Test
    void aPersonMarkedDndInOneCampaignIsNeverDraftedEnrolledOrMessagedInAnother() {
        Api api = api();
        Api.Session admin = api.signup();
        String first = FiveJobs.prepare(api, admin);
        String second = AgentPipelineTest.activeCampaign(api, admin, "Second campaign", List.of("EMAIL"));
        AgentPipelineTest.runAgent(api, admin, "lead_researcher");
        JsonNode graceLeads = api.get("/api/v1/leads?limit=100", admin.accessToken())
                .expect(200)
                .json()
                .path("data");
        String graceInFirst = null;
        List<String> graceEverywhere = new ArrayList<>();
        for (JsonNode l : graceLeads) {
            if (l.path("contact").path("email").asText().equals("grace@northwind-builders.ca")) {
                graceEverywhere.add(l.path("campaignId").asText());
                if (l.path("campaignId").asText().equals(first)) {
                    graceInFirst = l.path("id").asText();
                }
            }
        }
        assertThat(graceEverywhere).containsExactlyInAnyOrder(first, second);
        api.patch("/api/v1/leads/" + graceInFirst, admin.accessToken(), Map.of("status", "DND"))
                .expect(200);

        // the person's address is suppressed for the whole workspace, so no channel sends to her again
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> assertThat(api.get("/api/v1/suppressions?channel=EMAIL&q=grace", admin.accessToken())
                                        .expect(200)
                                        .json()
                                        .path("data")
                                        .toString())
                                .contains("grace@northwind-builders.ca", "DND"));

        AgentPipelineTest.runAgent(api, admin, "enrichment_scorer");
        JsonNode drafting = AgentPipelineTest.runAgent(api, admin, "outreach_drafter");
        assertThat(drafting.path("items").toString()).contains("do-not-contact");
        JsonNode drafts = api.get("/api/v1/drafts?limit=100", admin.accessToken())
                .expect(200)
                .json()
                .path("data");
        for (JsonNode d : drafts) {
            JsonNode lead = api.get("/api/v1/leads/" + d.path("leadId").asText(), admin.accessToken())
                    .expect(200)
                    .json();
            assertThat(lead.path("contact").path("email").asText())
                    .as("no draft for the DND person in any campaign")
                    .isNotEqualTo("grace@northwind-builders.ca");
        }

        String third = AgentPipelineTest.activeCampaign(api, admin, "Third campaign", List.of("EMAIL"));
        AgentPipelineTest.runAgent(api, admin, "lead_researcher");
        JsonNode inThird = api.get("/api/v1/leads?campaignId=" + third + "&limit=100", admin.accessToken())
                .expect(200)
                .json()
                .path("data");
        assertThat(inThird).isNotEmpty();
        assertThat(inThird.toString()).doesNotContain("grace@northwind-builders.ca");
    }
}
