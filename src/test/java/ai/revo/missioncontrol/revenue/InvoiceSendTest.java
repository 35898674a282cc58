package ai.revo.missioncontrol.revenue;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.email.EmailIntegrationTest;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.PageClient;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** An issued invoice reaches a real SMTP server (GreenMail) with its PDF attached, only when nothing forbids it. */
class InvoiceSendTest extends EmailIntegrationTest {

    private record Issued(String id, String number, String to, String dealId) {}

    private Issued issued(Api api, String admin, String token) {
        JsonNode deal = RevenueFixtures.deal(api, admin, "1250.00", "EUR");
        JsonNode draft = api.post(
                        "/api/v1/invoices",
                        token,
                        Map.of("dealId", deal.path("id").asText()))
                .expect(201)
                .json();
        assertThat(draft.path("customerEmail").asText()).contains("@");
        JsonNode issued = api.post("/api/v1/invoices/" + draft.path("id").asText() + "/issue", token, null)
                .expect(200)
                .json();
        return new Issued(
                issued.path("id").asText(),
                issued.path("number").asText(),
                issued.path("customerEmail").asText(),
                deal.path("id").asText());
    }

    private static List<MimeMessage> to(String address) {
        return Arrays.stream(GREENMAIL.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getRecipients(Message.RecipientType.TO)[0]
                                .toString()
                                .equalsIgnoreCase(address);
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
    }

    private static List<Part> attachments(Part part) throws Exception {
        List<Part> out = new ArrayList<>();
        if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                out.addAll(attachments(mp.getBodyPart(i)));
            }
        } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            out.add(part);
        }
        return out;
    }

    @Test
    void dryRunSendsNothingAndALiveSendDeliversThePdfAndMarksTheInvoiceSent() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Session finance = api.addUser(admin, "FINANCE");
        String f = finance.accessToken();
        Issued inv = issued(api, admin.accessToken(), f);

        // a new workspace is in dry run: the gateway simulates, nothing leaves, the invoice stays ISSUED
        JsonNode dry = api.post("/api/v1/invoices/" + inv.id() + "/send", f, null)
                .expect(200)
                .json();
        assertThat(dry.path("message").path("status").asText()).isEqualTo("SIMULATED");
        assertThat(dry.path("invoice").path("status").asText()).isEqualTo("ISSUED");
        assertThat(dry.path("invoice").path("sentAt").isNull()).isTrue();

        api.patch("/api/v1/settings/safety", admin.accessToken(), live()).expect(200);
        JsonNode sent = api.post("/api/v1/invoices/" + inv.id() + "/send", f, null)
                .expect(200)
                .json();
        assertThat(sent.path("message").path("status").asText()).isEqualTo("SENT");
        assertThat(sent.path("message").path("attachment").asText()).isEqualTo(inv.number() + ".pdf");
        assertThat(sent.path("invoice").path("status").asText()).isEqualTo("SENT");
        assertThat(sent.path("invoice").path("sentAt").isNull()).isFalse();

        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> !to(inv.to()).isEmpty());
        // exactly one email arrived: the dry run's never left
        assertThat(to(inv.to())).hasSize(1);
        MimeMessage mail = to(inv.to()).get(0);
        assertThat(mail.getSubject()).startsWith("Invoice " + inv.number() + " from ");
        List<Part> files = attachments(mail);
        assertThat(files).hasSize(1);
        assertThat(files.get(0).getFileName()).isEqualTo(inv.number() + ".pdf");
        assertThat(files.get(0).isMimeType("application/pdf")).isTrue();
        byte[] pdf;
        try (InputStream in = files.get(0).getInputStream()) {
            pdf = in.readAllBytes();
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains(inv.number()).contains("1250.00");
        }

        // both attempts are kept and shown on the deal's timeline
        JsonNode messages = api.get("/api/v1/invoices/" + inv.id() + "/messages", f)
                .expect(200)
                .json();
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).path("status").asText()).isEqualTo("SIMULATED");
        assertThat(messages.get(1).path("status").asText()).isEqualTo("SENT");
        PageClient page = PageClient.signIn(port, finance.email(), finance.password());
        String deal = page.get("/deals/" + inv.dealId()).body();
        assertThat(deal).contains("data-kind=\"MESSAGE\"").contains("Invoice " + inv.number() + " from ");
    }

    @Test
    void aSuppressedCustomerGetsNothingAndADraftOrAVoidInvoiceIsNotSent() {
        Api api = api();
        Api.Session admin = api.signup();
        String a = admin.accessToken();
        api.patch("/api/v1/settings/safety", a, live()).expect(200);
        Issued inv = issued(api, a, a);
        api.post("/api/v1/suppressions", a, Map.of("channel", "EMAIL", "address", inv.to()))
                .expect(201);
        JsonNode blocked = api.post("/api/v1/invoices/" + inv.id() + "/send", a, null)
                .expect(200)
                .json();
        assertThat(blocked.path("message").path("status").asText()).isEqualTo("BLOCKED_SUPPRESSED");
        assertThat(blocked.path("invoice").path("status").asText()).isEqualTo("ISSUED");

        JsonNode deal = RevenueFixtures.deal(api, a, "10.00", "EUR");
        String draft = api.post(
                        "/api/v1/invoices", a, Map.of("dealId", deal.path("id").asText()))
                .expect(201)
                .json()
                .path("id")
                .asText();
        api.post("/api/v1/invoices/" + draft + "/send", a, null).expectError(409, "CONFLICT");
        api.post("/api/v1/invoices/" + draft + "/issue", a, null).expect(200);
        api.post("/api/v1/invoices/" + draft + "/credit-note", a, Map.of("reason", "wrong amount"))
                .expect(201);
        api.post("/api/v1/invoices/" + draft + "/send", a, null).expectError(409, "CONFLICT");
        assertThat(api.get("/api/v1/invoices/" + draft + "/messages", a)
                        .expect(200)
                        .json())
                .isEmpty();
        // the closer reads but does not send
        Api.Session closer = api.addUser(admin, "CLOSER");
        api.post("/api/v1/invoices/" + inv.id() + "/send", closer.accessToken(), null)
                .expectError(403, "FORBIDDEN");
    }
}
