package ai.revo.missioncontrol.drafts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class ApprovalInboxApiTest extends IntegrationTest {

    private String campaign(Api api, Api.Session admin, String name) {
        return api.post("/api/v1/campaigns", admin.accessToken(), Map.of("name", name + " " + UUID.randomUUID()))
                .expect(201)
                .json()
                .path("id")
                .asText();
    }

    private String submit(
            Api api, Api.Session admin, String campaign, String lead, String channel, String subject, String priority) {
        Map<String, Object> body = new HashMap<>();
        body.put("campaignId", campaign);
        body.put("channel", channel);
        body.put("bodyText", "Hello, " + subject + " text");
        body.put("priority", priority);
        if (lead != null) {
            body.put("leadId", lead);
        }
        if (channel.equals("EMAIL")) {
            body.put("subject", subject);
        }
        String id = api.post("/api/v1/drafts", admin.accessToken(), body)
                .expect(201)
                .json()
                .path("id")
                .asText();
        api.patch("/api/v1/drafts/" + id, admin.accessToken(), Map.of("status", "NEEDS_APPROVAL"))
                .expect(200);
        return id;
    }

    private JdbcClient db() {
        return JdbcClient.create(new DriverManagerDataSource(
                database().url(), database().username(), database().password()));
    }

    private static List<String> ids(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.path("data").forEach(i -> out.add(i.path("draft").path("id").asText()));
        return out;
    }

    @Test
    void filtersSearchesAndPagesTheWaitingDraftsInTheDatabase() {
        Api api = api();
        Api.Session admin = api.signup();
        ai.revo.missioncontrol.outbound.RecordingAdapters.configure(
                new ai.revo.missioncontrol.identity.TenantId(UUID.fromString(admin.tenantId())));
        String t = admin.accessToken();
        String spring = campaign(api, admin, "Spring");
        String autumn = campaign(api, admin, "Autumn");
        String lead = api.post(
                        "/api/v1/leads",
                        t,
                        Map.of(
                                "campaignId",
                                spring,
                                "contact",
                                Map.of("email", Api.uniqueEmail("ines"), "firstName", "Ines", "lastName", "Moreau")))
                .expect(201)
                .json()
                .path("id")
                .asText();
        String forInes = submit(api, admin, spring, lead, "EMAIL", "Pricing", "NORMAL");
        String urgent = submit(api, admin, spring, null, "EMAIL", "Renewal", "URGENT");
        String sms = submit(api, admin, autumn, null, "SMS", "Reminder", "LOW");
        String byAgent = submit(api, admin, autumn, null, "EMAIL", "Webinar", "HIGH");
        db().sql("update drafts set author_type = 'AGENT', author_id = 'outreach_drafter', author_name = "
                        + "'Outreach drafter', confidence = 0.91 where id = ?")
                .param(UUID.fromString(byAgent))
                .update();
        db().sql("update drafts set confidence = 0.55 where id = ?")
                .param(UUID.fromString(urgent))
                .update();

        JsonNode all = api.get("/api/v1/approvals/inbox", t).expect(200).json();
        assertThat(ids(all)).containsExactly(urgent, byAgent, forInes, sms);
        assertThat(all.path("data").get(0).path("campaignName").asText()).startsWith("Spring");
        assertThat(all.path("data").get(0).path("channelStatus").path("state").asText())
                .isIn("READY", "NOT_CONFIGURED", "SWITCHED_OFF");

        assertThat(ids(api.get("/api/v1/approvals/inbox?campaignId=" + autumn, t)
                        .json()))
                .containsExactly(byAgent, sms);
        assertThat(ids(api.get("/api/v1/approvals/inbox?channel=SMS", t).json()))
                .containsExactly(sms);
        assertThat(ids(api.get("/api/v1/approvals/inbox?priority=URGENT", t).json()))
                .containsExactly(urgent);
        assertThat(ids(api.get("/api/v1/approvals/inbox?author=AGENT:outreach_drafter", t)
                        .json()))
                .containsExactly(byAgent);
        assertThat(ids(api.get("/api/v1/approvals/inbox?author=USER:" + admin.userId(), t)
                        .json()))
                .containsExactly(urgent, forInes, sms);
        assertThat(ids(api.get("/api/v1/approvals/inbox?minConfidence=0.85", t).json()))
                .containsExactly(byAgent);
        assertThat(ids(api.get("/api/v1/approvals/inbox?maxConfidence=0.6", t).json()))
                .containsExactly(urgent);
        assertThat(ids(api.get("/api/v1/approvals/inbox?withoutConfidence=true", t)
                        .json()))
                .containsExactly(forInes, sms);
        // the message's words by prefix, or the person it is for
        assertThat(ids(api.get("/api/v1/approvals/inbox?q=renew", t).json())).containsExactly(urgent);
        assertThat(ids(api.get("/api/v1/approvals/inbox?q=moreau", t).json())).containsExactly(forInes);

        JsonNode page2 =
                api.get("/api/v1/approvals/inbox?limit=3&page=2", t).expect(200).json();
        assertThat(ids(page2)).containsExactly(sms);
        assertThat(page2.path("pagination").path("total").asLong()).isEqualTo(4);

        api.get("/api/v1/approvals/inbox?q=x", t).expectError(400, "VALIDATION_ERROR");
        api.get("/api/v1/approvals/inbox?minConfidence=2", t).expectError(400, "VALIDATION_ERROR");
        api.get("/api/v1/approvals/inbox?author=ROBOT", t).expectError(400, "VALIDATION_ERROR");

        JsonNode facets =
                api.get("/api/v1/approvals/inbox/facets", t).expect(200).json();
        assertThat(facets.path("campaigns")).hasSize(2);
        assertThat(facets.path("authors").findValuesAsText("key"))
                .containsExactlyInAnyOrder("USER:" + admin.userId(), "AGENT:outreach_drafter");
        assertThat(facets.path("channels").findValues("waiting").stream()
                        .mapToLong(JsonNode::asLong)
                        .sum())
                .isEqualTo(4);
    }

    @Test
    void saysWhenADraftsChannelCannotSend() {
        Api api = api();
        Api.Session admin = api.signup();
        ai.revo.missioncontrol.outbound.RecordingAdapters.configure(
                new ai.revo.missioncontrol.identity.TenantId(UUID.fromString(admin.tenantId())));
        api.patch("/api/v1/settings/safety", admin.accessToken(), Map.of("channels", Map.of("SMS", false)))
                .expect(200);
        String sms = submit(api, admin, campaign(api, admin, "Off"), null, "SMS", "Hi", "NORMAL");
        JsonNode item = api.get("/api/v1/approvals/inbox", admin.accessToken())
                .json()
                .path("data")
                .get(0);
        assertThat(item.path("draft").path("id").asText()).isEqualTo(sms);
        assertThat(item.path("channelStatus").path("state").asText()).isEqualTo("SWITCHED_OFF");
    }

    @Test
    void bulkApprovalDecidesEachDraftOnItsOwnWithItsHistoryAndAudit() {
        Api api = api();
        Api.Session admin = api.signup();
        ai.revo.missioncontrol.outbound.RecordingAdapters.configure(
                new ai.revo.missioncontrol.identity.TenantId(UUID.fromString(admin.tenantId())));
        String t = admin.accessToken();
        String c = campaign(api, admin, "Bulk");
        String a = submit(api, admin, c, null, "EMAIL", "One", "NORMAL");
        String b = submit(api, admin, c, null, "EMAIL", "Two", "NORMAL");
        String decidedBefore = submit(api, admin, c, null, "EMAIL", "Three", "NORMAL");
        api.post("/api/v1/drafts/" + decidedBefore + "/reject", t, Map.of("reason", "no"))
                .expect(200);

        JsonNode outcome = api.post(
                        "/api/v1/approvals/bulk",
                        t,
                        Map.of("decision", "APPROVE", "draftIds", List.of(a, b, decidedBefore)))
                .expect(200)
                .json();
        assertThat(outcome.path("decided").asInt()).isEqualTo(2);
        assertThat(outcome.path("failed").asInt()).isEqualTo(1);
        assertThat(outcome.path("results").get(2).path("outcome").asText()).isEqualTo("CONFLICT");
        assertThat(outcome.path("results").get(2).path("status").asText()).isEqualTo("REJECTED");
        for (String id : List.of(a, b)) {
            assertThat(api.get("/api/v1/drafts/" + id, t).json().path("status").asText())
                    .isEqualTo("APPROVED");
            JsonNode decision =
                    api.get("/api/v1/approvals?draftId=" + id, t).json().path("data");
            assertThat(decision).hasSize(1);
            assertThat(decision.get(0).path("action").asText()).isEqualTo("APPROVE");
            assertThat(decision.get(0).path("contentSha256").asText()).hasSize(64);
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(api.get("/api/v1/audit?action=approval.approved&entityId=" + id, t)
                                    .json()
                                    .path("data"))
                            .hasSize(1));
        }
    }

    @Test
    void bulkRefusesWithoutAReasonToRejectOrWithAnotherWorkspacesDraftAndChangesNothing() {
        Api api = api();
        Api.Session admin = api.signup();
        ai.revo.missioncontrol.outbound.RecordingAdapters.configure(
                new ai.revo.missioncontrol.identity.TenantId(UUID.fromString(admin.tenantId())));
        Api.Session other = api.signup();
        String t = admin.accessToken();
        String mine = submit(api, admin, campaign(api, admin, "Mine"), null, "EMAIL", "Mine", "NORMAL");
        String theirs = submit(api, other, campaign(api, other, "Theirs"), null, "EMAIL", "Theirs", "NORMAL");

        api.post("/api/v1/approvals/bulk", t, Map.of("decision", "REJECT", "draftIds", List.of(mine)))
                .expectError(400, "VALIDATION_ERROR");
        api.post("/api/v1/approvals/bulk", t, Map.of("decision", "REQUEST_CHANGES", "draftIds", List.of(mine)))
                .expectError(400, "VALIDATION_ERROR");
        api.post("/api/v1/approvals/bulk", t, Map.of("decision", "APPROVE", "draftIds", List.of()))
                .expectError(400, "VALIDATION_ERROR");
        api.post("/api/v1/approvals/bulk", t, Map.of("decision", "APPROVE", "draftIds", List.of(mine, theirs)))
                .expectError(404, "NOT_FOUND");
        assertThat(api.get("/api/v1/drafts/" + mine, t).json().path("status").asText())
                .isEqualTo("NEEDS_APPROVAL");
        assertThat(api.get("/api/v1/drafts/" + theirs, other.accessToken())
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("NEEDS_APPROVAL");

        JsonNode rejected = api.post(
                        "/api/v1/approvals/bulk",
                        t,
                        Map.of("decision", "REJECT", "draftIds", List.of(mine), "reason", "Off-topic"))
                .expect(200)
                .json();
        assertThat(rejected.path("decided").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/drafts/" + mine, t).json().path("notes").asText())
                .isEqualTo("Off-topic");
    }
}
