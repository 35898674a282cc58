package ai.revo.missioncontrol.revenue;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class InvoiceApiTest extends IntegrationTest {

    @Autowired
    OverdueInvoices overdue;

    private static Map<String, Object> line(String description, String qty, String price, String rate) {
        return Map.of(
                "description",
                description,
                "quantity",
                new BigDecimal(qty),
                "unitPrice",
                new BigDecimal(price),
                "taxRate",
                new BigDecimal(rate));
    }

    private static Map<String, Object> byHand(Object... lines) {
        Map<String, Object> body = new HashMap<>();
        body.put("customerName", "Globex Corporation");
        body.put("currency", "EUR");
        body.put("lines", List.of(lines));
        body.put("notes", "Thank you for your business");
        return body;
    }

    @Test
    void totalsAreRoundedHalfUpPerLineAndTheNumberIsGivenAtIssue() {
        Api.Session admin = api().signup();
        Api.Session finance = api().addUser(admin, "FINANCE");
        String f = finance.accessToken();
        JsonNode draft = api().post(
                        "/api/v1/invoices",
                        f,
                        byHand(line("Consulting", "3", "33.335", "20"), line("Licence", "1.5", "0.05", "7.5")))
                .expect(400)
                .json();
        assertThat(draft.toString()).contains("lines[0].unitPrice");
        draft = api().post(
                        "/api/v1/invoices",
                        f,
                        byHand(line("Consulting", "3", "33.33", "20"), line("Licence", "1.5", "0.05", "7.5")))
                .expect(201)
                .json();
        // 3 × 33.33 = 99.99, tax 19.998 → 20.00; 1.5 × 0.05 = 0.075 → 0.08, tax 0.006 → 0.01
        assertThat(draft.path("lines").get(0).path("net").decimalValue()).isEqualByComparingTo("99.99");
        assertThat(draft.path("lines").get(0).path("tax").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(draft.path("lines").get(1).path("net").decimalValue()).isEqualByComparingTo("0.08");
        assertThat(draft.path("lines").get(1).path("tax").decimalValue()).isEqualByComparingTo("0.01");
        assertThat(draft.path("subtotal").decimalValue()).isEqualByComparingTo("100.07");
        assertThat(draft.path("tax").decimalValue()).isEqualByComparingTo("20.01");
        assertThat(draft.path("total").decimalValue()).isEqualByComparingTo("120.08");
        assertThat(draft.path("number").isNull()).isTrue();
        assertThat(draft.path("status").asText()).isEqualTo("DRAFT");
        String id = draft.path("id").asText();
        // a draft changes freely
        api().patch("/api/v1/invoices/" + id, f, Map.of("paymentTermsDays", 14)).expect(200);
        JsonNode issued = api().post("/api/v1/invoices/" + id + "/issue", f, null)
                .expect(200)
                .json();
        int year = LocalDate.parse(issued.path("issueDate").asText()).getYear();
        assertThat(issued.path("number").asText()).isEqualTo("INV-" + year + "-0001");
        assertThat(issued.path("status").asText()).isEqualTo("ISSUED");
        assertThat(LocalDate.parse(issued.path("dueDate").asText()))
                .isEqualTo(LocalDate.parse(issued.path("issueDate").asText()).plusDays(14));
        // an issued invoice is never edited or issued again, and nothing changes
        api().patch("/api/v1/invoices/" + id, f, Map.of("notes", "changed")).expectError(409, "CONFLICT");
        api().patch("/api/v1/invoices/" + id, f, Map.of("lines", List.of(line("x", "1", "1", "0"))))
                .expectError(409, "CONFLICT");
        api().post("/api/v1/invoices/" + id + "/issue", f, null).expectError(409, "CONFLICT");
        JsonNode after = api().get("/api/v1/invoices/" + id, f).expect(200).json();
        assertThat(after.path("notes").asText()).isEqualTo("Thank you for your business");
        assertThat(after.path("lines")).hasSize(2);
        assertThat(after.path("version").asLong())
                .isEqualTo(issued.path("version").asLong());
        // the next one takes the next number; a closer cannot issue
        String second = api().post("/api/v1/invoices", f, byHand(line("More", "1", "10", "0")))
                .expect(201)
                .json()
                .path("id")
                .asText();
        Api.Session closer = api().addUser(admin, "CLOSER");
        api().post("/api/v1/invoices/" + second + "/issue", closer.accessToken(), null)
                .expectError(403, "FORBIDDEN");
        assertThat(api().post("/api/v1/invoices/" + second + "/issue", f, null)
                        .expect(200)
                        .json()
                        .path("number")
                        .asText())
                .isEqualTo("INV-" + year + "-0002");
    }

    @Test
    void anInvoiceWithNoLinesIsNotIssuedAndGetsNoNumber() {
        String t = api().signup().accessToken();
        Map<String, Object> empty = byHand();
        String id = api().post("/api/v1/invoices", t, empty)
                .expect(201)
                .json()
                .path("id")
                .asText();
        api().post("/api/v1/invoices/" + id + "/issue", t, null).expectError(422, "UNPROCESSABLE");
        JsonNode still = api().get("/api/v1/invoices/" + id, t).json();
        assertThat(still.path("status").asText()).isEqualTo("DRAFT");
        assertThat(still.path("number").isNull()).isTrue();
        // the failed issue used no number: the next issued invoice is 0001
        String other = api().post("/api/v1/invoices", t, byHand(line("A", "1", "5", "0")))
                .expect(201)
                .json()
                .path("id")
                .asText();
        assertThat(api().post("/api/v1/invoices/" + other + "/issue", t, null)
                        .expect(200)
                        .json()
                        .path("number")
                        .asText())
                .endsWith("-0001");
    }

    @Test
    void anInvoiceInAnotherCurrencyThanItsDealNeedsARate() {
        String t = api().signup().accessToken();
        String deal = RevenueFixtures.deal(api(), t, "1000", "EUR").path("id").asText();
        Map<String, Object> body = new HashMap<>();
        body.put("dealId", deal);
        body.put("currency", "USD");
        Api.Response refused = api().post("/api/v1/invoices", t, body);
        refused.expectError(400, "VALIDATION_ERROR");
        assertThat(refused.body()).contains("exchangeRate");
        assertThat(api().get("/api/v1/invoices", t)
                        .json()
                        .path("pagination")
                        .path("total")
                        .asLong())
                .isZero();
        body.put("exchangeRate", new BigDecimal("1.0825"));
        JsonNode usd = api().post("/api/v1/invoices", t, body).expect(201).json();
        assertThat(usd.path("total").decimalValue()).isEqualByComparingTo("1082.50");
        assertThat(usd.path("lines").get(0).path("description").asText()).endsWith("deal");
        JsonNode eur = api().post("/api/v1/invoices", t, Map.of("dealId", deal))
                .expect(201)
                .json();
        assertThat(eur.path("currency").asText()).isEqualTo("EUR");
        assertThat(eur.path("total").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(eur.path("customerName").asText()).startsWith("Acme");
    }

    @Test
    void paymentsAddUpToPaidAndAnOverpaymentIsRefused() {
        String t = api().signup().accessToken();
        String id = api().post("/api/v1/invoices", t, byHand(line("Work", "1", "1000", "0")))
                .expect(201)
                .json()
                .path("id")
                .asText();
        api().post("/api/v1/invoices/" + id + "/payments", t, Map.of("amount", 100))
                .expectError(409, "CONFLICT");
        api().post("/api/v1/invoices/" + id + "/issue", t, null).expect(200);
        JsonNode partial = api().post(
                        "/api/v1/invoices/" + id + "/payments",
                        t,
                        Map.of("amount", new BigDecimal("400.00"), "method", "BANK_TRANSFER", "reference", "TX-1"))
                .expect(201)
                .json();
        assertThat(partial.path("status").asText()).isEqualTo("PARTIALLY_PAID");
        assertThat(partial.path("balance").decimalValue()).isEqualByComparingTo("600");
        Api.Response over = api().post("/api/v1/invoices/" + id + "/payments", t, Map.of("amount", 600.01));
        over.expectError(422, "UNPROCESSABLE");
        assertThat(over.body()).contains("600.00");
        api().post("/api/v1/invoices/" + id + "/payments", t, Map.of("amount", 10, "method", "BITCOIN"))
                .expectError(400, "VALIDATION_ERROR");
        JsonNode unchanged = api().get("/api/v1/invoices/" + id, t).json();
        assertThat(unchanged.path("payments")).hasSize(1);
        assertThat(unchanged.path("paid").decimalValue()).isEqualByComparingTo("400");
        JsonNode paid = api().post(
                        "/api/v1/invoices/" + id + "/payments",
                        t,
                        Map.of("amount", 600, "paidOn", "2026-11-30", "method", "card"))
                .expect(201)
                .json();
        assertThat(paid.path("status").asText()).isEqualTo("PAID");
        assertThat(paid.path("payments")).hasSize(2);
        assertThat(paid.path("balance").decimalValue()).isEqualByComparingTo("0");
        api().post("/api/v1/invoices/" + id + "/payments", t, Map.of("amount", 1))
                .expectError(409, "CONFLICT");
    }

    @Test
    void aCreditNoteVoidsAnIssuedInvoiceAndReferencesIt() {
        String t = api().signup().accessToken();
        String id = api().post("/api/v1/invoices", t, byHand(line("Work", "2", "50", "10")))
                .expect(201)
                .json()
                .path("id")
                .asText();
        api().post("/api/v1/invoices/" + id + "/credit-note", t, Map.of("reason", "x"))
                .expectError(409, "CONFLICT");
        api().post("/api/v1/invoices/" + id + "/issue", t, null).expect(200);
        api().post("/api/v1/invoices/" + id + "/credit-note", t, Map.of()).expectError(400, "VALIDATION_ERROR");
        JsonNode note = api().post("/api/v1/invoices/" + id + "/credit-note", t, Map.of("reason", "Wrong customer"))
                .expect(201)
                .json();
        assertThat(note.path("kind").asText()).isEqualTo("CREDIT_NOTE");
        assertThat(note.path("creditForId").asText()).isEqualTo(id);
        assertThat(note.path("number").asText()).startsWith("CN-").endsWith("-0001");
        assertThat(note.path("total").decimalValue()).isEqualByComparingTo("110.00");
        JsonNode voided = api().get("/api/v1/invoices/" + id, t).json();
        assertThat(voided.path("status").asText()).isEqualTo("VOID");
        assertThat(voided.path("voidReason").asText()).isEqualTo("Wrong customer");
        api().post("/api/v1/invoices/" + id + "/credit-note", t, Map.of("reason", "again"))
                .expectError(409, "CONFLICT");
    }

    @Test
    void anUnpaidInvoicePastItsDueDateBecomesOverdueAndThePaidOneDoesNot() {
        String t = api().signup().accessToken();
        Map<String, Object> late = byHand(line("Old work", "1", "300", "0"));
        late.put("issueDate", "2026-01-05");
        late.put("dueDate", "2026-02-04");
        String lateId = api().post("/api/v1/invoices", t, late)
                .expect(201)
                .json()
                .path("id")
                .asText();
        api().post("/api/v1/invoices/" + lateId + "/issue", t, null).expect(200);
        Map<String, Object> paidLate = byHand(line("Old work", "1", "100", "0"));
        paidLate.put("issueDate", "2026-01-05");
        paidLate.put("dueDate", "2026-02-04");
        String paidId = api().post("/api/v1/invoices", t, paidLate)
                .expect(201)
                .json()
                .path("id")
                .asText();
        api().post("/api/v1/invoices/" + paidId + "/issue", t, null).expect(200);
        api().post("/api/v1/invoices/" + paidId + "/payments", t, Map.of("amount", 100))
                .expect(201);
        String current = api().post("/api/v1/invoices", t, byHand(line("New work", "1", "50", "0")))
                .expect(201)
                .json()
                .path("id")
                .asText();
        api().post("/api/v1/invoices/" + current + "/issue", t, null).expect(200);

        overdue.markAll();

        assertThat(api().get("/api/v1/invoices/" + lateId, t)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("OVERDUE");
        assertThat(api().get("/api/v1/invoices/" + paidId, t)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("PAID");
        assertThat(api().get("/api/v1/invoices/" + current, t)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("ISSUED");
        // a payment on an overdue invoice: still overdue until it is paid in full
        assertThat(api().post("/api/v1/invoices/" + lateId + "/payments", t, Map.of("amount", 100))
                        .expect(201)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("OVERDUE");
        assertThat(api().get("/api/v1/events/feed?entityId=" + lateId, t).body())
                .contains("invoice.overdue");
    }

    @Test
    void concurrentIssuingGivesGaplessDistinctNumbers() throws Exception {
        String t = api().signup().accessToken();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(api().post("/api/v1/invoices", t, byHand(line("Item " + i, "1", "10", "0")))
                    .expect(201)
                    .json()
                    .path("id")
                    .asText());
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (String id : ids) {
                calls.add(() -> api().post("/api/v1/invoices/" + id + "/issue", t, null)
                        .expect(200)
                        .json()
                        .path("number")
                        .asText());
            }
            List<String> numbers = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(calls)) {
                numbers.add(f.get());
            }
            Collections.sort(numbers);
            int year = LocalDate.parse(api().get("/api/v1/invoices/" + ids.get(0), t)
                            .json()
                            .path("issueDate")
                            .asText())
                    .getYear();
            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= 12; i++) {
                expected.add(String.format("INV-%d-%04d", year, i));
            }
            assertThat(numbers).containsExactlyElementsOf(expected);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void thePdfCarriesTheNumberTheLinesAndTheTotals() throws Exception {
        Api.Session admin = api().signup();
        String t = admin.accessToken();
        api().patch(
                        "/api/v1/settings/revenue",
                        t,
                        Map.of("sellerAddress", "1 Market Street, Toronto", "sellerTaxId", "CA-123456789"))
                .expect(200);
        String id = api().post(
                        "/api/v1/invoices",
                        t,
                        byHand(line("Consulting days", "3", "33.33", "20"), line("Travel", "1", "120.50", "0")))
                .expect(201)
                .json()
                .path("id")
                .asText();
        String number = api().post("/api/v1/invoices/" + id + "/issue", t, null)
                .expect(200)
                .json()
                .path("number")
                .asText();
        var response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                        "http://localhost:" + port + "/api/v1/invoices/" + id + "/pdf"))
                                .header("Authorization", "Bearer " + t)
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        String text;
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            text = new PDFTextStripper().getText(pdf);
        }
        assertThat(text)
                .contains(number)
                .contains("Consulting days")
                .contains("Travel")
                .contains("99.99")
                .contains("120.50")
                .contains("220.49 EUR")
                .contains("20.00 EUR")
                .contains("240.49 EUR")
                .contains("Globex Corporation")
                .contains("CA-123456789");
    }
}
