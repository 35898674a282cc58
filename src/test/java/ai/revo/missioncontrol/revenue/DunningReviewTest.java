package ai.revo.missioncontrol.revenue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.outbound.OutboundMessage;
import ai.revo.missioncontrol.outbound.RecordingAdapters;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Dunning reminders in the approval inbox: a reminder of an invoice whose deal has a campaign is a leadless draft
 * there; the inbox's decisions send it (the approved text), reject it or leave it waiting, a payment withdraws it,
 * and approving on the dunning page settles its draft without sending twice.
 */
class DunningReviewTest extends IntegrationTest {

    // far ahead, so the hourly task (real today) never finds a step due
    private static final LocalDate DUE = LocalDate.now().plusDays(220);

    @Autowired
    Dunning dunning;

    private static String invoiceOfDeal(Api api, String token, String dealId, String total) {
        Map<String, Object> body = new HashMap<>();
        body.put("dealId", dealId);
        body.put("customerEmail", Api.uniqueEmail("ap"));
        body.put("issueDate", DUE.minusDays(30).toString());
        body.put("dueDate", DUE.toString());
        body.put(
                "lines",
                List.of(Map.of(
                        "description", "Work", "quantity", 1, "unitPrice", new BigDecimal(total), "taxRate", 0)));
        String id = api.post("/api/v1/invoices", token, body)
                .expect(201)
                .json()
                .path("id")
                .asText();
        api.post("/api/v1/invoices/" + id + "/issue", token, null).expect(200);
        return id;
    }

    private static JsonNode latest(Api api, String token, String invoice) {
        JsonNode r = api.get("/api/v1/invoices/" + invoice + "/reminders", token)
                .expect(200)
                .json()
                .path("reminders");
        return r.get(r.size() - 1);
    }

    private static JsonNode awaitStatus(Api api, String token, String reminder, String status) {
        return await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> api.get("/api/v1/reminders/" + reminder, token)
                                .expect(200)
                                .json(),
                        r -> r.path("status").asText().equals(status));
    }

    private static List<String> inbox(Api api, String token) {
        List<String> ids = new java.util.ArrayList<>();
        api.get("/api/v1/approvals/inbox?limit=100", token)
                .expect(200)
                .json()
                .path("data")
                .forEach(i -> ids.add(
                        i.path("draft").isMissingNode()
                                ? i.path("id").asText()
                                : i.path("draft").path("id").asText()));
        return ids;
    }

    @Test
    void reminderDraftsAreDecidedInTheApprovalInboxAndTheApprovedTextGoesOutOnce() {
        Api api = api();
        Api.Session admin = api.signup();
        String a = admin.accessToken();
        TenantId tenant = TenantId.of(admin.tenantId());
        RecordingAdapters.configure(tenant);
        api.patch("/api/v1/settings/safety", a, Map.of("dryRunMode", false, "channels", Map.of("EMAIL", true)))
                .expect(200);
        JsonNode deal = RevenueFixtures.deal(api, a, "900.00", "EUR");
        assertThat(deal.path("sourceCampaignId").asText()).isNotBlank();
        String inv = invoiceOfDeal(api, a, deal.path("id").asText(), "900.00");

        // drafted for review: a leadless draft of the deal's campaign waits in the inbox
        assertThat(dunning.run(tenant, DUE.minusDays(3)).drafted()).isEqualTo(1);
        JsonNode first = latest(api, a, inv);
        assertThat(first.path("status").asText()).isEqualTo("DRAFTED");
        String firstDraft = first.path("reviewDraftId").asText();
        JsonNode draft = api.get("/api/v1/drafts/" + firstDraft, a).expect(200).json();
        assertThat(draft.path("status").asText()).isEqualTo("NEEDS_APPROVAL");
        assertThat(draft.path("leadId").isNull()).isTrue();
        assertThat(draft.path("campaignId").asText())
                .isEqualTo(deal.path("sourceCampaignId").asText());
        assertThat(draft.path("subject").asText()).startsWith("Reminder: invoice INV-");
        assertThat(draft.path("bodyText").asText()).contains("900.00 EUR");
        assertThat(inbox(api, a)).contains(firstDraft);
        assertThat(RecordingAdapters.sentFor(tenant)).isEmpty();

        // the approver edits the words and approves: that text goes out, once, with the PDF
        api.post(
                        "/api/v1/drafts/" + firstDraft + "/edit-inline-approve",
                        a,
                        Map.of("subject", "A gentle reminder", "bodyText", "Dear customer, invoice due soon. Thanks!"))
                .expect(200);
        JsonNode sent = awaitStatus(api, a, first.path("id").asText(), "SENT");
        assertThat(sent.path("messageStatus").asText()).isEqualTo("SENT");
        List<RecordingAdapters.Sent> out = RecordingAdapters.sentFor(tenant);
        assertThat(out).hasSize(1);
        OutboundMessage mail = out.get(0).message();
        assertThat(mail.subject()).isEqualTo("A gentle reminder");
        assertThat(mail.body()).isEqualTo("Dear customer, invoice due soon. Thanks!");
        assertThat(mail.email().attachments()).hasSize(1);
        assertThat(mail.email().attachments().get(0).contentType()).isEqualTo("application/pdf");
        assertThat(inbox(api, a)).doesNotContain(firstDraft);

        // the next step is rejected in the inbox: REJECTED with the reason, nothing sent
        assertThat(dunning.run(tenant, DUE.plusDays(1)).drafted()).isEqualTo(1);
        JsonNode second = latest(api, a, inv);
        api.post(
                        "/api/v1/drafts/" + second.path("reviewDraftId").asText() + "/reject",
                        a,
                        Map.of("reason", "We agreed a payment plan by phone"))
                .expect(200);
        JsonNode rejected = awaitStatus(api, a, second.path("id").asText(), "REJECTED");
        assertThat(rejected.path("reason").asText()).isEqualTo("We agreed a payment plan by phone");
        api.post("/api/v1/reminders/" + second.path("id").asText() + "/approve", a, null)
                .expectError(409, "CONFLICT");

        // the third is approved on the dunning page: its draft is approved by the same person, one email goes out
        assertThat(dunning.run(tenant, DUE.plusDays(7)).drafted()).isEqualTo(1);
        JsonNode third = latest(api, a, inv);
        String f = api.addUser(admin, "FINANCE").accessToken();
        JsonNode approved = api.post("/api/v1/reminders/" + third.path("id").asText() + "/approve", f, null)
                .expect(200)
                .json();
        assertThat(approved.path("status").asText()).isEqualTo("SENT");
        assertThat(api.get("/api/v1/drafts/" + third.path("reviewDraftId").asText(), a)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("APPROVED");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/api/v1/events/feed?type=approval.approved", a)
                        .json()
                        .path("data")
                        .toString()
                        .contains(third.path("reviewDraftId").asText()));
        assertThat(RecordingAdapters.sentFor(tenant)).hasSize(2);
        assertThat(RecordingAdapters.sentFor(tenant).get(1).message().subject())
                .startsWith("Overdue: invoice")
                .isEqualTo(
                        api.get("/api/v1/drafts/" + third.path("reviewDraftId").asText(), a)
                                .json()
                                .path("subject")
                                .asText());
        assertThat(RecordingAdapters.sentFor(tenant).get(1).message().email().html())
                .as("the letter as written, with its HTML part")
                .isNotBlank();

        // the fourth waits in the inbox when the invoice is paid: stopped, and its draft withdrawn from the inbox
        assertThat(dunning.run(tenant, DUE.plusDays(14)).drafted()).isEqualTo(1);
        JsonNode fourth = latest(api, a, inv);
        api.post("/api/v1/invoices/" + inv + "/payments", f, Map.of("amount", 900))
                .expect(201);
        JsonNode stopped = api.get("/api/v1/reminders/" + fourth.path("id").asText(), a)
                .expect(200)
                .json();
        assertThat(stopped.path("status").asText()).isEqualTo("STOPPED");
        assertThat(api.get("/api/v1/drafts/" + fourth.path("reviewDraftId").asText(), a)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("REJECTED");
        assertThat(inbox(api, a)).doesNotContain(fourth.path("reviewDraftId").asText());
        assertThat(RecordingAdapters.sentFor(tenant)).hasSize(2);

        JsonNode list = api.get("/api/v1/dunning/reminders?status=REJECTED", a)
                .expect(200)
                .json();
        assertThat(list.path("data")).hasSize(1);
        assertThat(list.path("pagination").path("total").asInt()).isEqualTo(1);
        api.get("/api/v1/dunning/reminders?status=LOST", a).expectError(400, "VALIDATION_ERROR");
    }

    @Test
    void aReminderOfAnInvoiceWithoutACampaignWaitsOnTheDunningPageAndIsRejectedThere() {
        Api api = api();
        Api.Session admin = api.signup();
        String a = admin.accessToken();
        TenantId tenant = TenantId.of(admin.tenantId());
        Map<String, Object> body = new HashMap<>();
        body.put("customerName", "By Hand Ltd");
        body.put("customerEmail", Api.uniqueEmail("ap"));
        body.put("currency", "EUR");
        body.put("issueDate", DUE.minusDays(30).toString());
        body.put("dueDate", DUE.toString());
        body.put("lines", List.of(Map.of("description", "Work", "quantity", 1, "unitPrice", 50, "taxRate", 0)));
        String inv = api.post("/api/v1/invoices", a, body)
                .expect(201)
                .json()
                .path("id")
                .asText();
        api.post("/api/v1/invoices/" + inv + "/issue", a, null).expect(200);
        assertThat(dunning.run(tenant, DUE.plusDays(1)).drafted()).isEqualTo(1);
        JsonNode r = latest(api, a, inv);
        assertThat(r.path("reviewDraftId").isNull()).isTrue();
        api.post("/api/v1/reminders/" + r.path("id").asText() + "/reject", a, Map.of())
                .expectError(400, "VALIDATION_ERROR");
        api.post(
                        "/api/v1/reminders/" + r.path("id").asText() + "/reject",
                        api.addUser(admin, "CLOSER").accessToken(),
                        Map.of("reason", "no"))
                .expect(403);
        JsonNode rejected = api.post(
                        "/api/v1/reminders/" + r.path("id").asText() + "/reject", a, Map.of("reason", "Disputed"))
                .expect(200)
                .json();
        assertThat(rejected.path("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.path("decidedBy").asText()).isNotBlank();
        api.post("/api/v1/reminders/" + r.path("id").asText() + "/reject", a, Map.of("reason", "again"))
                .expectError(409, "CONFLICT");
    }
}
