package ai.revo.missioncontrol.revenue;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.outbound.OutboundMessage;
import ai.revo.missioncontrol.outbound.RecordingAdapters;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ContractApiTest extends IntegrationTest {

    @Autowired
    Contracts contracts;

    private static final String TEMPLATE = "Agreement for {{deal.name}} between {{workspace.name}} and {{company.name}}"
            + " ({{contact.email}}).\n\nPrice: {{deal.amount}} {{deal.currency}}.\n\nTerms: {{terms}}";

    private static Api.Response sign(Api api, String token, String id, String signedBy, String fileText) {
        String boundary = "----sign" + UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        body.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"signedBy\"\r\n\r\n")
                .append(signedBy)
                .append("\r\n");
        body.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"moveDealToWon\"\r\n\r\n")
                .append("true\r\n");
        body.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"signedCopy\"; filename=\"signed.pdf\"\r\n")
                .append("Content-Type: application/pdf\r\n\r\n")
                .append(fileText)
                .append("\r\n--")
                .append(boundary)
                .append("--\r\n");
        return api.send(
                "POST",
                "/api/v1/contracts/" + id + "/sign",
                token,
                body.toString(),
                Map.of("Content-Type", "multipart/form-data; boundary=" + boundary));
    }

    private JsonNode awaitStatus(Api api, String token, String id, String status) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            last[0] = api.get("/api/v1/contracts/" + id, token).expect(200).json();
            return last[0].path("status").asText().equals(status);
        });
        return last[0];
    }

    @Test
    void aContractIsMergedReviewedInTheInboxSentWithItsPdfAndSignedWhichWinsTheDeal() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        String a = admin.accessToken();
        Api.Session closer = api.addUser(admin, "CLOSER");
        String c = closer.accessToken();
        JsonNode deal = RevenueFixtures.deal(api, a, "4800.00", "EUR");
        String dealId = deal.path("id").asText();

        // an unknown merge field is named and nothing is drafted
        assertThat(api.post("/api/v1/deals/" + dealId + "/contracts", c, Map.of("template", "Hello {{deal.nam}}"))
                        .expectError(400, "VALIDATION_ERROR")
                        .body())
                .contains("deal.nam");
        assertThat(api.get("/api/v1/deals/" + dealId + "/contracts", c)
                        .expect(200)
                        .json())
                .isEmpty();
        // finance and viewers read but do not draft
        api.post(
                        "/api/v1/deals/" + dealId + "/contracts",
                        api.addUser(admin, "FINANCE").accessToken(),
                        Map.of())
                .expectError(403, "FORBIDDEN");

        JsonNode contract = api.post(
                        "/api/v1/deals/" + dealId + "/contracts",
                        c,
                        Map.of("title", "Master agreement", "template", TEMPLATE, "terms", "Payment within 30 days"))
                .expect(201)
                .json();
        String id = contract.path("id").asText();
        assertThat(contract.path("status").asText()).isEqualTo("DRAFT");
        assertThat(contract.path("body").asText())
                .contains("Agreement for " + deal.path("name").asText())
                .contains(deal.path("companyName").asText())
                .contains("Price: 4800.00 EUR.")
                .contains("Terms: Payment within 30 days")
                .doesNotContain("{{");
        // changing the terms is a new version; an approved-only send is refused
        JsonNode v2 = api.patch("/api/v1/contracts/" + id, c, Map.of("terms", "Payment within 14 days"))
                .expect(200)
                .json();
        assertThat(v2.path("currentVersion").asInt()).isEqualTo(2);
        assertThat(v2.path("versions")).hasSize(2);
        api.post("/api/v1/contracts/" + id + "/send", c, null).expectError(409, "CONFLICT");

        // review: changes requested send it back to DRAFT with the notes
        JsonNode inReview = api.post("/api/v1/contracts/" + id + "/submit", c, null)
                .expect(200)
                .json();
        assertThat(inReview.path("status").asText()).isEqualTo("IN_REVIEW");
        String draftId = inReview.path("reviewDraftId").asText();
        JsonNode draft = api.get("/api/v1/drafts/" + draftId, a).expect(200).json();
        assertThat(draft.path("status").asText()).isEqualTo("NEEDS_APPROVAL");
        assertThat(draft.path("bodyText").asText()).contains("Payment within 14 days");
        api.patch("/api/v1/contracts/" + id, c, Map.of("terms", "x")).expectError(409, "CONFLICT");
        api.post("/api/v1/drafts/" + draftId + "/request-changes", a, Map.of("notes", "Add the notice period"))
                .expect(200);
        JsonNode back = awaitStatus(api, c, id, "DRAFT");
        assertThat(back.path("reviewNotes").asText()).isEqualTo("Add the notice period");

        // resubmitted and edited inline by the approver: the edit is the approved version
        String second = api.post("/api/v1/contracts/" + id + "/submit", c, null)
                .expect(200)
                .json()
                .path("reviewDraftId")
                .asText();
        assertThat(second).isNotEqualTo(draftId);
        String edited = "Approved agreement text with a notice period of 30 days.";
        api.post("/api/v1/drafts/" + second + "/edit-inline-approve", a, Map.of("bodyText", edited))
                .expect(200);
        JsonNode approved = awaitStatus(api, c, id, "APPROVED");
        assertThat(approved.path("body").asText()).isEqualTo(edited);
        assertThat(approved.path("currentVersion").asInt()).isEqualTo(3);

        // dry run: simulated, nothing leaves, still APPROVED
        TenantId tenant = TenantId.of(admin.tenantId());
        JsonNode dry = api.post("/api/v1/contracts/" + id + "/send", c, null)
                .expect(200)
                .json();
        assertThat(dry.path("message").path("status").asText()).isEqualTo("SIMULATED");
        assertThat(dry.path("contract").path("status").asText()).isEqualTo("APPROVED");
        assertThat(RecordingAdapters.sentFor(tenant)).isEmpty();

        RecordingAdapters.configure(tenant);
        api.patch("/api/v1/settings/safety", a, Map.of("dryRunMode", false, "channels", Map.of("EMAIL", true)))
                .expect(200);
        JsonNode sent = api.post("/api/v1/contracts/" + id + "/send", c, null)
                .expect(200)
                .json();
        assertThat(sent.path("message").path("status").asText()).isEqualTo("SENT");
        assertThat(sent.path("contract").path("status").asText()).isEqualTo("SENT");
        List<RecordingAdapters.Sent> out = RecordingAdapters.sentFor(tenant);
        assertThat(out).hasSize(1);
        OutboundMessage mail = out.get(0).message();
        assertThat(mail.to()).isEqualTo(sent.path("contract").path("sentTo").asText());
        assertThat(mail.email().attachments()).hasSize(1);
        OutboundMessage.Attachment pdf = mail.email().attachments().get(0);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.content())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("notice period of 30 days");
        }

        // signing: a copy that is not a PDF is refused and nothing changes; a PDF copy signs and wins the deal
        sign(api, c, id, "Ada Buyer", "just text").expectError(400, "VALIDATION_ERROR");
        assertThat(api.get("/api/v1/contracts/" + id, c)
                        .expect(200)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("SENT");
        String copy = "%PDF-1.4\n% signed copy\n%%EOF";
        JsonNode signed = sign(api, c, id, "Ada Buyer", copy).expect(200).json();
        assertThat(signed.path("status").asText()).isEqualTo("SIGNED");
        assertThat(signed.path("signedBy").asText()).isEqualTo("Ada Buyer");
        assertThat(signed.path("signedRecordedBy").asText()).isNotBlank();
        assertThat(signed.path("signedAt").isNull()).isFalse();
        assertThat(api.get("/api/v1/contracts/" + id + "/signed-copy", c)
                        .expect(200)
                        .body())
                .isEqualTo(copy);
        assertThat(api.get("/api/v1/deals/" + dealId, c)
                        .expect(200)
                        .json()
                        .path("stage")
                        .path("kind")
                        .asText())
                .isEqualTo("WON");
        api.post("/api/v1/contracts/" + id + "/decline", c, Map.of("reason", "late"))
                .expectError(409, "CONFLICT");
        // the deal's page shows the contract
        assertThat(api.get("/api/v1/contracts/" + id + "/messages", c)
                        .expect(200)
                        .json())
                .hasSize(2);
    }

    @Test
    void aSentContractIsDeclinedOrExpiresAfterItsLastDay() {
        Api api = api();
        Api.Session admin = api.signup();
        String a = admin.accessToken();
        TenantId tenant = TenantId.of(admin.tenantId());
        RecordingAdapters.configure(tenant);
        api.patch("/api/v1/settings/safety", a, Map.of("dryRunMode", false, "channels", Map.of("EMAIL", true)))
                .expect(200);
        String[] ids = new String[2];
        for (int i = 0; i < 2; i++) {
            String dealId =
                    RevenueFixtures.deal(api, a, "100.00", "EUR").path("id").asText();
            String id = api.post(
                            "/api/v1/deals/" + dealId + "/contracts",
                            a,
                            Map.of("expiresOn", LocalDate.now().minusDays(2).toString()))
                    .expect(201)
                    .json()
                    .path("id")
                    .asText();
            String draft = api.post("/api/v1/contracts/" + id + "/submit", a, null)
                    .expect(200)
                    .json()
                    .path("reviewDraftId")
                    .asText();
            api.post("/api/v1/drafts/" + draft + "/approve", a, null).expect(200);
            awaitStatus(api, a, id, "APPROVED");
            api.post("/api/v1/contracts/" + id + "/send", a, null).expect(200);
            ids[i] = id;
        }
        JsonNode declined = api.post("/api/v1/contracts/" + ids[0] + "/decline", a, Map.of("reason", "Too expensive"))
                .expect(200)
                .json();
        assertThat(declined.path("status").asText()).isEqualTo("DECLINED");
        assertThat(declined.path("declineReason").asText()).isEqualTo("Too expensive");
        assertThat(contracts.expire(tenant)).isEqualTo(1);
        assertThat(api.get("/api/v1/contracts/" + ids[1], a)
                        .expect(200)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("EXPIRED");
        assertThat(api.get("/api/v1/contracts/" + ids[0], a)
                        .expect(200)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("DECLINED");
    }
}
