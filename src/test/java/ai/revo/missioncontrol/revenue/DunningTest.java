package ai.revo.missioncontrol.revenue;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.outbound.OutboundMessage;
import ai.revo.missioncontrol.outbound.RecordingAdapters;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Reminders on the workspace's schedule, with the calendar day handed in: the time is controlled by the caller, the
 * hourly task hands in the workspace's today.
 */
class DunningTest extends IntegrationTest {

    // far enough ahead that the hourly task, which checks the real today, never finds a step of these invoices due
    private static final LocalDate DUE = LocalDate.now().plusDays(200);

    @Autowired
    Dunning dunning;

    private static String invoice(Api api, String token, String total) {
        Map<String, Object> body = new HashMap<>();
        body.put("customerName", "Late Payer Ltd");
        body.put("customerEmail", Api.uniqueEmail("ap"));
        body.put("currency", "EUR");
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

    private static JsonNode reminders(Api api, String token, String invoice) {
        return api.get("/api/v1/invoices/" + invoice + "/reminders", token)
                .expect(200)
                .json();
    }

    @Test
    void remindersFollowTheScheduleOnceEachAreReviewedAndStopWhenTheInvoiceIsPaid() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        String f = api.addUser(admin, "FINANCE").accessToken();
        TenantId tenant = TenantId.of(admin.tenantId());
        String inv = invoice(api, f, "500.00");

        assertThat(dunning.run(tenant, DUE.minusDays(4)).drafted()).isZero();
        // three days before the due date: one reminder, drafted for review, drafted once however often it runs
        assertThat(dunning.run(tenant, DUE.minusDays(3)).drafted()).isEqualTo(1);
        assertThat(dunning.run(tenant, DUE.minusDays(3)).drafted()).isZero();
        assertThat(dunning.run(tenant, DUE.minusDays(1)).drafted()).isZero();
        JsonNode r = reminders(api, f, inv).path("reminders");
        assertThat(r).hasSize(1);
        assertThat(r.get(0).path("offsetDays").asInt()).isEqualTo(-3);
        assertThat(r.get(0).path("status").asText()).isEqualTo("DRAFTED");
        String first = r.get(0).path("id").asText();

        // in dry run the approval sends nothing: NOT_SENT with the gateway's reason, approvable again
        JsonNode dry = api.post("/api/v1/reminders/" + first + "/approve", f, null)
                .expect(200)
                .json();
        assertThat(dry.path("status").asText()).isEqualTo("NOT_SENT");
        assertThat(dry.path("messageStatus").asText()).isEqualTo("SIMULATED");
        assertThat(RecordingAdapters.sentFor(tenant)).isEmpty();
        RecordingAdapters.configure(tenant);
        api.patch(
                        "/api/v1/settings/safety",
                        admin.accessToken(),
                        Map.of("dryRunMode", false, "channels", Map.of("EMAIL", true)))
                .expect(200);
        JsonNode sent = api.post("/api/v1/reminders/" + first + "/approve", f, null)
                .expect(200)
                .json();
        assertThat(sent.path("status").asText()).isEqualTo("SENT");
        api.post("/api/v1/reminders/" + first + "/approve", f, null).expectError(409, "CONFLICT");
        List<RecordingAdapters.Sent> out = RecordingAdapters.sentFor(tenant);
        assertThat(out).hasSize(1);
        OutboundMessage mail = out.get(0).message();
        assertThat(mail.subject()).startsWith("Reminder: invoice INV-");
        assertThat(mail.email().attachments()).hasSize(1);
        assertThat(mail.email().attachments().get(0).contentType()).isEqualTo("application/pdf");

        // one day after: the next step; a partial payment keeps it, the final payment stops it at once
        assertThat(dunning.run(tenant, DUE.plusDays(1)).drafted()).isEqualTo(1);
        api.post("/api/v1/invoices/" + inv + "/payments", f, Map.of("amount", 200))
                .expect(201);
        assertThat(reminders(api, f, inv)
                        .path("reminders")
                        .get(1)
                        .path("status")
                        .asText())
                .isEqualTo("DRAFTED");
        api.post("/api/v1/invoices/" + inv + "/payments", f, Map.of("amount", 300))
                .expect(201);
        JsonNode after = reminders(api, f, inv).path("reminders");
        assertThat(after.get(1).path("status").asText()).isEqualTo("STOPPED");
        assertThat(after.get(1).path("reason").asText()).isEqualTo("paid");
        api.post("/api/v1/reminders/" + after.get(1).path("id").asText() + "/approve", f, null)
                .expectError(409, "CONFLICT");
        // a paid invoice gets no more steps
        assertThat(dunning.run(tenant, DUE.plusDays(7)).drafted()).isZero();
        assertThat(RecordingAdapters.sentFor(tenant)).hasSize(1);
        assertThat(reminders(api, f, inv).path("flaggedAt").isNull()).isTrue();
    }

    @Test
    void anAutoApprovedFinalNoticeGoesOutAndFlagsTheInvoiceForAPerson() {
        Api api = api();
        Api.Session admin = api.signup();
        String a = admin.accessToken();
        TenantId tenant = TenantId.of(admin.tenantId());
        RecordingAdapters.configure(tenant);
        api.patch("/api/v1/settings/safety", a, Map.of("dryRunMode", false, "channels", Map.of("EMAIL", true)))
                .expect(200);
        api.put("/api/v1/settings/dunning", a, Map.of("offsets", List.of(0, -5)))
                .expectError(400, "VALIDATION_ERROR");
        JsonNode settings = api.put(
                        "/api/v1/settings/dunning", a, Map.of("offsets", List.of(30, -3, 7), "autoApprove", true))
                .expect(200)
                .json();
        assertThat(settings.path("offsets").toString()).isEqualTo("[-3,7,30]");
        String inv = invoice(api, a, "90.00");
        // the check runs late: only the latest due step goes out (no burst of missed ones), and it is the final one
        Dunning.RunOutcome outcome = dunning.run(tenant, DUE.plusDays(31));
        assertThat(outcome.drafted()).isEqualTo(1);
        assertThat(outcome.sent()).isEqualTo(1);
        JsonNode r = reminders(api, a, inv);
        assertThat(r.path("reminders")).hasSize(1);
        assertThat(r.path("reminders").get(0).path("finalNotice").asBoolean()).isTrue();
        assertThat(r.path("reminders").get(0).path("status").asText()).isEqualTo("SENT");
        assertThat(r.path("flaggedAt").isNull()).isFalse();
        assertThat(RecordingAdapters.sentFor(tenant).get(0).message().subject()).startsWith("Final notice: invoice");
        assertThat(dunning.run(tenant, DUE.plusDays(60)).drafted()).isZero();
    }

    @Test
    void anInvoiceEmailWithAnUnknownOutcomeSentAgainIsRevenuesNextAttemptWithItsPdf() {
        Api api = api();
        Api.Session admin = api.signup();
        String a = admin.accessToken();
        TenantId tenant = TenantId.of(admin.tenantId());
        RecordingAdapters.configure(tenant);
        RecordingAdapters.UNANSWERED.add(tenant);
        api.patch("/api/v1/settings/safety", a, Map.of("dryRunMode", false, "channels", Map.of("EMAIL", true)))
                .expect(200);
        String inv = invoice(api, a, "75.00");
        JsonNode first = api.post("/api/v1/invoices/" + inv + "/send", a, null)
                .expect(200)
                .json();
        assertThat(first.path("message").path("status").asText()).isEqualTo("UNKNOWN");
        assertThat(first.path("invoice").path("status").asText()).isEqualTo("ISSUED");
        RecordingAdapters.UNANSWERED.remove(tenant);
        api.post("/api/v1/outbound/" + first.path("message").path("outboundId").asText() + "/send-again", a, null)
                .expect(200);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .until(() -> api.get("/api/v1/invoices/" + inv, a)
                        .expect(200)
                        .json()
                        .path("status")
                        .asText()
                        .equals("SENT"));
        JsonNode messages =
                api.get("/api/v1/invoices/" + inv + "/messages", a).expect(200).json();
        assertThat(messages).hasSize(2);
        assertThat(messages.get(1).path("status").asText()).isEqualTo("SENT");
        List<RecordingAdapters.Sent> out = RecordingAdapters.sentFor(tenant);
        assertThat(out).hasSize(2);
        assertThat(out.get(1).message().email().attachments()).hasSize(1);
        assertThat(out.get(1).message().idempotencyKey()).endsWith(":2");
    }
}
