package ai.revo.missioncontrol.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DraftApiTest extends IntegrationTest {

    record Setup(Api.Session admin, String campaignId, String leadId) {}

    private Setup setup(Api api) {
        Api.Session admin = api.signup();
        String campaign = api.post("/api/v1/campaigns", admin.accessToken(), Map.of("name", "Drafts"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        String lead = api.post(
                        "/api/v1/leads",
                        admin.accessToken(),
                        Map.of(
                                "campaignId",
                                campaign,
                                "contact",
                                Map.of("firstName", "Lena", "email", "lena@example.com")))
                .expect(201)
                .json()
                .path("id")
                .asText();
        return new Setup(admin, campaign, lead);
    }

    private String draft(Api api, Setup s, String priority) {
        return draft(api, s, priority, "EMAIL");
    }

    /** One open draft per lead and channel: a second open draft for the lead needs another channel. */
    private String draft(Api api, Setup s, String priority, String channel) {
        return api.post(
                        "/api/v1/drafts",
                        s.admin().accessToken(),
                        Map.of(
                                "campaignId",
                                s.campaignId(),
                                "leadId",
                                s.leadId(),
                                "channel",
                                channel,
                                "subject",
                                "Hello Lena",
                                "bodyText",
                                "Hi Lena,\nShall we talk?",
                                "priority",
                                priority))
                .expect(201)
                .json()
                .path("id")
                .asText();
    }

    private void submit(Api api, Setup s, String id) {
        api.patch("/api/v1/drafts/" + id, s.admin().accessToken(), Map.of("status", "NEEDS_APPROVAL"))
                .expect(200);
    }

    @Test
    void everyContentChangeIsANewVersionWithALineDiff() {
        Api api = api();
        Setup s = setup(api);
        String id = draft(api, s, "NORMAL");
        assertThat(api.get("/api/v1/leads/" + s.leadId(), s.admin().accessToken())
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("DRAFTED");
        JsonNode v2 = api.patch(
                        "/api/v1/drafts/" + id,
                        s.admin().accessToken(),
                        Map.of("bodyText", "Hi Lena,\nShall we talk on Tuesday?", "reason", "added a day"))
                .expect(200)
                .json();
        assertThat(v2.path("version").asInt()).isEqualTo(2);
        JsonNode versions = api.get(
                        "/api/v1/drafts/" + id + "/versions", s.admin().accessToken())
                .expect(200)
                .json();
        assertThat(versions.path("data")).hasSize(2);
        assertThat(versions.path("data").get(0).path("reason").asText()).isEqualTo("added a day");
        JsonNode diff = api.get(
                        "/api/v1/drafts/" + id + "/diff?from=1&to=2", s.admin().accessToken())
                .expect(200)
                .json();
        List<String> lines = new ArrayList<>();
        diff.path("lines")
                .forEach(l -> lines.add(l.path("op").asText() + l.path("text").asText()));
        assertThat(lines)
                .containsExactly(" Subject: Hello Lena", " Hi Lena,", "-Shall we talk?", "+Shall we talk on Tuesday?");
        api.get("/api/v1/drafts/" + id + "/diff?from=1&to=9", s.admin().accessToken())
                .expectError(404, "NOT_FOUND");
    }

    @Test
    void approvalHandsTheDraftToTheGatewayAndItIsSimulatedInDryRun() throws Exception {
        Api api = api();
        Setup s = setup(api);
        String id = draft(api, s, "HIGH");
        submit(api, s, id);
        JsonNode inbox = api.get("/api/v1/approvals/inbox", s.admin().accessToken())
                .expect(200)
                .json();
        assertThat(inbox.path("data")).hasSize(1);
        assertThat(inbox.path("data").get(0).path("campaignName").asText()).isEqualTo("Drafts");
        assertThat(inbox.path("data")
                        .get(0)
                        .path("lead")
                        .path("contact")
                        .path("email")
                        .asText())
                .isEqualTo("lena@example.com");
        JsonNode approved = api.post(
                        "/api/v1/drafts/" + id + "/approve", s.admin().accessToken(), null)
                .expect(200)
                .json();
        assertThat(approved.path("status").asText()).isEqualTo("APPROVED");
        JsonNode outbound = org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .until(
                        () -> api.get("/api/v1/outbound", s.admin().accessToken())
                                .json()
                                .path("data"),
                        o -> o.size() > 0);
        assertThat(outbound).hasSize(1);
        assertThat(outbound.get(0).path("status").asText()).isEqualTo("SIMULATED");
        assertThat(outbound.get(0).path("to").asText()).isEqualTo("lena@example.com");
        assertThat(outbound.get(0).path("draftId").asText()).isEqualTo(id);
        // an approved EMAIL draft goes through the email pipeline: one email, its first attempt's key
        assertThat(outbound.get(0).path("idempotencyKey").asText()).matches("email:[0-9a-f-]{36}:1");
        assertThat(api.get("/api/v1/leads/" + s.leadId(), s.admin().accessToken())
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("APPROVED");
        assertThat(api.get("/api/v1/approvals/inbox", s.admin().accessToken())
                        .json()
                        .path("data"))
                .isEmpty();
        JsonNode history = api.get("/api/v1/approvals?draftId=" + id, s.admin().accessToken())
                .json()
                .path("data");
        assertThat(history.get(0).path("action").asText()).isEqualTo("APPROVE");
        assertThat(history.get(0).path("version").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/audit?action=approval.approved", s.admin().accessToken())
                        .json()
                        .path("data"))
                .hasSize(1);
        JsonNode campaign = api.get(
                        "/api/v1/campaigns/" + s.campaignId(), s.admin().accessToken())
                .expect(200)
                .json();
        assertThat(campaign.path("name").asText()).isEqualTo("Drafts");
        assertThat(campaign.path("stats").path("leadsByStatus").path("APPROVED").asLong())
                .isEqualTo(1);
        assertThat(campaign.path("stats").path("draftsWaiting").asLong()).isZero();
        assertThat(campaign.path("stats").path("messagesSimulated").asLong()).isEqualTo(1);
        assertThat(campaign.path("stats").path("messagesSent").asLong()).isZero();
        assertThat(campaign.path("stats").path("replies").asLong()).isZero();
    }

    @Test
    void theOtherDecisionsDoWhatTheySay() {
        Api api = api();
        Setup s = setup(api);
        String t = s.admin().accessToken();
        String rejected = draft(api, s, "LOW");
        submit(api, s, rejected);
        api.post("/api/v1/drafts/" + rejected + "/reject", t, Map.of()).expectError(400, "VALIDATION_ERROR");
        assertThat(api.post("/api/v1/drafts/" + rejected + "/reject", t, Map.of("reason", "Off brand"))
                        .expect(200)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("REJECTED");

        String changes = draft(api, s, "NORMAL");
        submit(api, s, changes);
        JsonNode back = api.post("/api/v1/drafts/" + changes + "/request-changes", t, Map.of("notes", "Shorter please"))
                .expect(200)
                .json();
        assertThat(back.path("status").asText()).isEqualTo("DRAFT");
        assertThat(back.path("notes").asText()).isEqualTo("Shorter please");

        String edited = draft(api, s, "NORMAL", "SMS");
        submit(api, s, edited);
        JsonNode e = api.post(
                        "/api/v1/drafts/" + edited + "/edit-inline-approve",
                        t,
                        Map.of("subject", "Hi Lena", "body", "Short and sweet."))
                .expect(200)
                .json();
        assertThat(e.path("status").asText()).isEqualTo("APPROVED");
        assertThat(e.path("version").asInt()).isEqualTo(2);
        assertThat(e.path("bodyText").asText()).isEqualTo("Short and sweet.");

        String noted = draft(api, s, "NORMAL", "WHATSAPP");
        submit(api, s, noted);
        api.post("/api/v1/drafts/" + noted + "/approve-with-notes", t, Map.of()).expectError(400, "VALIDATION_ERROR");
        assertThat(api.post("/api/v1/drafts/" + noted + "/approve-with-notes", t, Map.of("notes", "Personal touch ok"))
                        .expect(200)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("APPROVED");

        // decided drafts cannot be decided again, nor edited
        api.post("/api/v1/drafts/" + noted + "/approve", t, null).expectError(409, "CONFLICT");
        api.post("/api/v1/drafts/" + rejected + "/approve", t, null).expectError(409, "CONFLICT");
        api.patch("/api/v1/drafts/" + noted, t, Map.of("bodyText", "sneaky")).expectError(409, "CONFLICT");
        List<String> types = new ArrayList<>();
        api.get("/api/v1/events/feed?type=approval.&order=asc", t)
                .json()
                .path("data")
                .forEach(ev -> types.add(ev.path("type").asText()));
        assertThat(types)
                .containsExactly(
                        "approval.rejected",
                        "approval.changes_requested",
                        "approval.edited_and_approved",
                        "approval.approved_with_notes");
    }

    @Test
    void aSubmittedDraftHasItsTaskInNeedsApprovalAndTheDecisionMovesIt() {
        Api api = api();
        Setup s = setup(api);
        String t = s.admin().accessToken();
        String id = draft(api, s, "HIGH");
        submit(api, s, id);
        JsonNode task = api.get("/api/v1/tasks?column=NEEDS_APPROVAL", t)
                .json()
                .path("data")
                .get(0);
        assertThat(task.path("draftId").asText()).isEqualTo(id);
        assertThat(task.path("title").asText()).isEqualTo("Review: Hello Lena");
        api.post("/api/v1/drafts/" + id + "/request-changes", t, Map.of("notes", "Warmer"))
                .expect(200);
        assertThat(api.get("/api/v1/tasks/" + task.path("id").asText(), t)
                        .json()
                        .path("column")
                        .asText())
                .isEqualTo("DOING");
        submit(api, s, id);
        assertThat(api.get("/api/v1/tasks/" + task.path("id").asText(), t)
                        .json()
                        .path("column")
                        .asText())
                .isEqualTo("NEEDS_APPROVAL");
        api.post("/api/v1/drafts/" + id + "/approve", t, null).expect(200);
        assertThat(api.get("/api/v1/tasks/" + task.path("id").asText(), t)
                        .json()
                        .path("column")
                        .asText())
                .isEqualTo("DONE");
        assertThat(api.get("/api/v1/tasks?column=NEEDS_APPROVAL", t).json().path("data"))
                .isEmpty();
    }

    @Test
    void twoAdminsDecidingAtOnceExactlyOneWins() throws Exception {
        Api api = api();
        Setup s = setup(api);
        Api.Session second = api.addUser(s.admin(), "ADMIN");
        String id = draft(api, s, "NORMAL");
        submit(api, s, id);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (Api.Session who : List.of(s.admin(), second)) {
            Callable<Integer> call = () -> {
                go.await();
                return api.post("/api/v1/drafts/" + id + "/approve", who.accessToken(), null)
                        .status();
            };
            results.add(pool.submit(call));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : results) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(api.get("/api/v1/approvals?draftId=" + id, s.admin().accessToken())
                        .json()
                        .path("data"))
                .hasSize(1);
    }

    @Test
    void ifMatchWithAStaleEtagIsAConflict() {
        Api api = api();
        Setup s = setup(api);
        String id = draft(api, s, "NORMAL");
        Api.Response current =
                api.get("/api/v1/drafts/" + id, s.admin().accessToken()).expect(200);
        String etag = current.header("ETag");
        assertThat(etag).isNotBlank();
        api.send(
                        "PATCH",
                        "/api/v1/drafts/" + id,
                        s.admin().accessToken(),
                        Map.of("bodyText", "v2 text"),
                        Map.of("If-Match", etag))
                .expect(200);
        api.send(
                        "PATCH",
                        "/api/v1/drafts/" + id,
                        s.admin().accessToken(),
                        Map.of("bodyText", "stale"),
                        Map.of("If-Match", etag))
                .expectError(409, "CONFLICT");
    }

    @Test
    void onlyAdminsDecideAndOnlyAdminsOrOperatorsSubmit() {
        Api api = api();
        Setup s = setup(api);
        Api.Session operator = api.addUser(s.admin(), "OPERATOR");
        Api.Session closer = api.addUser(s.admin(), "CLOSER");
        Api.Session viewer = api.addUser(s.admin(), "VIEWER");
        String id = draft(api, s, "NORMAL");
        api.patch("/api/v1/drafts/" + id, closer.accessToken(), Map.of("status", "NEEDS_APPROVAL"))
                .expectError(403, "FORBIDDEN");
        api.patch("/api/v1/drafts/" + id, operator.accessToken(), Map.of("status", "NEEDS_APPROVAL"))
                .expect(200);
        for (Api.Session who : List.of(operator, closer, viewer)) {
            api.post("/api/v1/drafts/" + id + "/approve", who.accessToken(), null)
                    .expectError(403, "FORBIDDEN");
        }
        api.get("/api/v1/approvals/inbox", viewer.accessToken()).expect(200);
        api.post(
                        "/api/v1/drafts",
                        viewer.accessToken(),
                        Map.of("campaignId", s.campaignId(), "channel", "SMS", "bodyText", "x"))
                .expectError(403, "FORBIDDEN");
    }

    @Test
    void badDraftsAre400() {
        Api api = api();
        Setup s = setup(api);
        String t = s.admin().accessToken();
        api.post("/api/v1/drafts", t, Map.of("channel", "EMAIL", "subject", "s", "bodyText", "b"))
                .expectError(400, "VALIDATION_ERROR");
        assertThat(api.post(
                                "/api/v1/drafts",
                                t,
                                Map.of("campaignId", s.campaignId(), "channel", "EMAIL", "bodyText", "b"))
                        .expectError(400, "VALIDATION_ERROR")
                        .body())
                .contains("subject");
        api.post("/api/v1/drafts", t, Map.of("campaignId", s.campaignId(), "channel", "EMAIL", "subject", "s"))
                .expectError(400, "VALIDATION_ERROR");
        api.post(
                        "/api/v1/drafts",
                        t,
                        Map.of("campaignId", java.util.UUID.randomUUID().toString(), "channel", "SMS", "bodyText", "b"))
                .expectError(404, "NOT_FOUND");
        assertThat(api.get("/api/v1/drafts", t).json().path("data")).isEmpty();
    }
}
