package ai.revo.missioncontrol.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The knowledge base through its API, on the real PostgreSQL and the real embedding model. */
class KnowledgeApiTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    Api.Response upload(String token, String fileName, byte[] content, String campaignId) {
        return KnowledgeDocuments.upload(api(), port, token, fileName, content, campaignId);
    }

    JsonNode waitFor(String token, String id, String status) {
        JsonNode[] last = {null};
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    last[0] = api().get("/api/v1/knowledge/sources/" + id, token)
                            .expect(200)
                            .json();
                    String now = last[0].path("status").asText();
                    if (!now.equals(status) && (now.equals("READY") || now.equals("FAILED"))) {
                        throw new AssertionError("source ended " + now + ": " + last[0]);
                    }
                    return now.equals(status);
                });
        return last[0];
    }

    JsonNode search(String token, String q, String campaignId) {
        String path = "/api/v1/knowledge/search?k=5&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)
                + (campaignId == null ? "" : "&campaignId=" + campaignId);
        return api().get(path, token).expect(200).json().path("data");
    }

    static final List<String> PAGES = List.of(
            "Welcome to the Aurora Jewellers handbook. This guide explains how our shop works for customers.",
            "Warranty. Every ring and necklace carries a two year warranty covering broken clasps and loose stones. "
                    + "The warranty does not cover scratches from daily wear.",
            "Ring resizing. We resize gold and silver rings in our workshop within five working days. "
                    + "Platinum rings take ten working days because the metal is harder to work.");

    @Test
    void aPdfBecomesReadyAndAQuestionFindsThePassageWithItsPage() {
        Api.Session admin = api().signup();
        String t = admin.accessToken();
        JsonNode created = upload(t, "handbook.pdf", KnowledgeDocuments.pdf(PAGES, null), null)
                .expect(202)
                .json();
        assertThat(created.path("status").asText()).isEqualTo("QUEUED");
        assertThat(created.path("kind").asText()).isEqualTo("FILE");
        assertThat(created.path("name").asText()).isEqualTo("handbook.pdf");
        assertThat(created.has("campaignId")).isTrue();
        assertThat(created.path("createdAt").isMissingNode()).isFalse();
        String id = created.path("id").asText();

        JsonNode ready = waitFor(t, id, "READY");
        assertThat(ready.path("chunks").asInt()).isEqualTo(3);
        assertThat(ready.path("pages").asInt()).isEqualTo(3);
        assertThat(ready.path("error").isNull()).isTrue();

        JsonNode chunks = api().get("/api/v1/knowledge/sources/" + id + "/chunks", t)
                .expect(200)
                .json();
        assertThat(chunks.path("pagination").path("total").asInt()).isEqualTo(3);
        assertThat(chunks.path("data").get(1).path("page").asInt()).isEqualTo(2);
        assertThat(chunks.path("data").get(1).path("text").asText()).contains("two year warranty");

        JsonNode hits = search(t, "how long does it take to resize a platinum ring?", null);
        assertThat(hits.get(0).path("page").asInt()).isEqualTo(3);
        assertThat(hits.get(0).path("sourceName").asText()).isEqualTo("handbook.pdf");
        assertThat(hits.get(0).path("sourceId").asText()).isEqualTo(id);
        assertThat(hits.get(0).path("score").asDouble()).isBetween(0.3, 1.0);
        assertThat(hits.get(0).path("chunkId").asText()).isNotBlank();

        JsonNode post = api().post(
                        "/api/v1/knowledge/search", t, Map.of("q", "is a scratch covered by the warranty", "k", 1))
                .expect(200)
                .json()
                .path("data");
        assertThat(post).hasSize(1);
        assertThat(post.get(0).path("page").asInt()).isEqualTo(2);

        // every step was published (events are numbered for the feed shortly after commit)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode events = api().get("/api/v1/events/feed?type=knowledge.source&limit=50", t)
                    .expect(200)
                    .json()
                    .path("data");
            List<String> types = new ArrayList<>();
            events.forEach(e -> types.add(e.path("type").asText()));
            assertThat(types)
                    .contains(
                            "knowledge.source.added",
                            "knowledge.source.started",
                            "knowledge.source.parsed",
                            "knowledge.source.ingested");
        });
    }

    @Test
    void aDocxKeepsItsHeadingsAndDuplicatesWithinAScopeAreSkipped() {
        Api.Session admin = api().signup();
        String t = admin.accessToken();
        byte[] docx = KnowledgeDocuments.docx(
                "Shipping",
                "Orders above fifty euros ship free within Europe. Parcels are insured until they are delivered.",
                "Payment",
                "We accept cards, bank transfers and payment in three instalments without interest.");
        String first = upload(t, "policies.docx", docx, null)
                .expect(202)
                .json()
                .path("id")
                .asText();
        JsonNode ready = waitFor(t, first, "READY");
        assertThat(ready.path("chunks").asInt()).isEqualTo(2);
        JsonNode chunks = api().get("/api/v1/knowledge/sources/" + first + "/chunks", t)
                .expect(200)
                .json();
        assertThat(chunks.path("data").get(0).path("heading").asText()).isEqualTo("Shipping");
        assertThat(chunks.path("data").get(1).path("heading").asText()).isEqualTo("Payment");

        // the same document again for the workspace: every passage is already there
        String copy = upload(t, "policies-copy.docx", docx, null)
                .expect(202)
                .json()
                .path("id")
                .asText();
        JsonNode again = waitFor(t, copy, "READY");
        assertThat(again.path("chunks").asInt()).isZero();
        assertThat(again.path("duplicatesSkipped").asInt()).isEqualTo(2);

        // ... but a campaign is another scope
        String campaign = api().post("/api/v1/campaigns", t, Map.of("name", "Spring sale"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        String scoped = upload(t, "policies.docx", docx, campaign)
                .expect(202)
                .json()
                .path("id")
                .asText();
        JsonNode scopedReady = waitFor(t, scoped, "READY");
        assertThat(scopedReady.path("chunks").asInt()).isEqualTo(2);
        assertThat(scopedReady.path("campaignId").asText()).isEqualTo(campaign);
        assertThat(api().get("/api/v1/knowledge/sources?campaignId=" + campaign, t)
                        .expect(200)
                        .json()
                        .path("pagination")
                        .path("total")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void refusesRenamedAndUnsupportedFilesAtUpload() {
        String t = api().signup().accessToken();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
        assertThat(upload(t, "photo.pdf", png, null)
                        .expectError(415, "UNSUPPORTED_MEDIA_TYPE")
                        .body())
                .contains("renamed");
        assertThat(upload(t, "notes.pdf", "just text".getBytes(StandardCharsets.UTF_8), null)
                        .expectError(415, "UNSUPPORTED_MEDIA_TYPE")
                        .body())
                .contains(".pdf");
        upload(t, "handbook.docx", KnowledgeDocuments.pdf(PAGES, null), null)
                .expectError(415, "UNSUPPORTED_MEDIA_TYPE");
        upload(t, "tool.exe", "MZ".getBytes(StandardCharsets.UTF_8), null).expectError(415, "UNSUPPORTED_MEDIA_TYPE");
        upload(t, "empty.txt", new byte[0], null).expectError(400, "VALIDATION_ERROR");
        upload(t, "huge.txt", new byte[(int) KnowledgeSources.MAX_FILE_BYTES + 1], null)
                .expectError(413, "PAYLOAD_TOO_LARGE");
        upload(
                        t,
                        "scoped.txt",
                        "text".getBytes(StandardCharsets.UTF_8),
                        UUID.randomUUID().toString())
                .expectError(404, "NOT_FOUND");
        assertThat(api().get("/api/v1/knowledge/sources", t)
                        .expect(200)
                        .json()
                        .path("pagination")
                        .path("total")
                        .asInt())
                .isZero();
    }

    @Test
    void encryptedDamagedAndBombDocumentsFailWithAReasonAPersonUnderstands() {
        String t = api().signup().accessToken();
        String encrypted = upload(t, "secret.pdf", KnowledgeDocuments.pdf(PAGES, "s3cret"), null)
                .expect(202)
                .json()
                .path("id")
                .asText();
        String damaged = upload(
                        t, "damaged.pdf", "%PDF-1.7\nthis is not really a pdf".getBytes(StandardCharsets.UTF_8), null)
                .expect(202)
                .json()
                .path("id")
                .asText();
        String bomb = upload(t, "bomb.docx", KnowledgeDocuments.docxBomb(), null)
                .expect(202)
                .json()
                .path("id")
                .asText();
        String blank = upload(t, "blank.md", "# Title only\n\n---\n".getBytes(StandardCharsets.UTF_8), null)
                .expect(202)
                .json()
                .path("id")
                .asText();
        assertThat(waitFor(t, encrypted, "FAILED").path("error").asText()).contains("password");
        assertThat(waitFor(t, damaged, "FAILED").path("error").asText()).contains("could not be read as a PDF");
        assertThat(waitFor(t, bomb, "FAILED").path("error").asText()).contains("more than 100 MB");
        JsonNode blankSource = waitFor(t, blank, "READY");
        assertThat(blankSource.path("chunks").asInt()).isEqualTo(1);
    }

    @Test
    void aUrlOnThisMachineOrAPrivateNetworkIsRefusedAndNothingIsStored() {
        String t = api().signup().accessToken();
        for (String url : List.of(
                "http://127.0.0.1:" + port + "/login",
                "http://localhost:" + port + "/",
                "http://169.254.169.254/latest/meta-data/",
                "http://[::ffff:127.0.0.1]:" + port + "/",
                "http://10.0.0.1/")) {
            Api.Response r = api().post("/api/v1/knowledge/sources/url", t, Map.of("url", url))
                    .expectError(422, "UNPROCESSABLE");
            assertThat(r.json().path("error").path("details").path("reason").asText())
                    .isEqualTo("ADDRESS_NOT_ALLOWED");
            assertThat(r.json().path("error").path("message").asText()).contains("private");
        }
        api().post("/api/v1/knowledge/sources/url", t, Map.of("url", "file:///etc/passwd"))
                .expectError(400, "VALIDATION_ERROR");
        api().post("/api/v1/knowledge/sources/url", t, Map.of()).expectError(400, "VALIDATION_ERROR");
        assertThat(api().get("/api/v1/knowledge/sources", t)
                        .expect(200)
                        .json()
                        .path("pagination")
                        .path("total")
                        .asInt())
                .isZero();
    }

    static final String CORPUS = """
            # Warranty
            Every piece of jewellery comes with a two year warranty. It covers broken clasps, loose stones and faulty \
            settings. Damage from accidents or daily wear is not covered.

            # Ring resizing
            Rings can be resized by our goldsmith. Resizing a gold ring takes five working days and costs twenty euros.

            # Store opening hours
            Our shop in Lyon is open Monday to Saturday from ten in the morning until seven in the evening. We are \
            closed on Sundays and public holidays.

            # Gold purity
            We sell eighteen carat gold, which is seventy five percent pure gold mixed with copper and silver for \
            strength.

            # Returns
            Unworn items can be sent back within thirty days for a full refund. Engraved or made-to-measure pieces \
            cannot be returned.

            # Gift cards
            Gift cards are available from fifty to five hundred euros and stay valid for one year after purchase.

            # Cleaning your jewellery
            Clean silver with a soft cloth and warm soapy water. Avoid perfume and chlorine, which tarnish the metal.

            # Engagement ring consultations
            Book a private appointment with a designer to create a custom engagement ring with a diamond of your \
            choice.
            """;

    @Test
    void retrievalFindsTheRightPassageOnASmallCorpus() {
        String t = api().signup().accessToken();
        String id = upload(t, "faq.md", CORPUS.getBytes(StandardCharsets.UTF_8), null)
                .expect(202)
                .json()
                .path("id")
                .asText();
        assertThat(waitFor(t, id, "READY").path("chunks").asInt()).isEqualTo(8);
        Map<String, String> questions = Map.of(
                "Is a lost stone repaired for free?", "Warranty",
                "How many days to make my ring bigger?", "Ring resizing",
                "When can I visit the boutique on a weekday?", "Store opening hours",
                "What karat is your gold?", "Gold purity",
                "Can I get my money back if I change my mind?", "Returns",
                "I want to offer a voucher to my sister", "Gift cards",
                "How do I stop my silver necklace from going dark?", "Cleaning your jewellery",
                "Can I meet someone to design a proposal ring?", "Engagement ring consultations");
        int top1 = 0;
        List<String> misses = new ArrayList<>();
        for (var q : questions.entrySet()) {
            JsonNode hits = search(t, q.getKey(), null);
            assertThat(hits.size()).isBetween(1, 5);
            List<String> headings = new ArrayList<>();
            hits.forEach(h -> headings.add(h.path("heading").asText()));
            assertThat(headings).as(q.getKey()).contains(q.getValue()); // recall@5
            if (headings.get(0).equals(q.getValue())) {
                top1++;
            } else {
                misses.add(q.getKey() + " -> " + headings);
            }
        }
        assertThat(top1).as("top-1 hits; misses: %s", misses).isGreaterThanOrEqualTo(7);
    }

    @Test
    void anotherWorkspaceNeitherSeesNorFindsNorDeletesASource() {
        String a = api().signup().accessToken();
        String b = api().signup().accessToken();
        String id = upload(a, "faq.md", CORPUS.getBytes(StandardCharsets.UTF_8), null)
                .expect(202)
                .json()
                .path("id")
                .asText();
        waitFor(a, id, "READY");
        api().get("/api/v1/knowledge/sources/" + id, b).expectError(404, "NOT_FOUND");
        api().get("/api/v1/knowledge/sources/" + id + "/chunks", b).expectError(404, "NOT_FOUND");
        api().post("/api/v1/knowledge/sources/" + id + "/reingest", b, null).expectError(404, "NOT_FOUND");
        api().delete("/api/v1/knowledge/sources/" + id, b).expectError(404, "NOT_FOUND");
        assertThat(search(b, "two year warranty broken clasps", null)).isEmpty();
        assertThat(api().get("/api/v1/knowledge/sources", b).expect(200).json().path("data"))
                .isEmpty();
        assertThat(search(a, "two year warranty broken clasps", null)).isNotEmpty();
    }

    @Test
    void deletingASourceRemovesItsPassagesFromSearchAndReingestingReadsItAgain() {
        String t = api().signup().accessToken();
        String keep = upload(t, "keep.txt", "Our boutique sells handmade pearl earrings from Tahiti.".getBytes(), null)
                .expect(202)
                .json()
                .path("id")
                .asText();
        String gone = upload(t, "faq.md", CORPUS.getBytes(StandardCharsets.UTF_8), null)
                .expect(202)
                .json()
                .path("id")
                .asText();
        waitFor(t, keep, "READY");
        waitFor(t, gone, "READY");
        assertThat(search(t, "two year warranty", null).get(0).path("sourceId").asText())
                .isEqualTo(gone);

        JsonNode requeued = api().post("/api/v1/knowledge/sources/" + gone + "/reingest", t, null)
                .expect(202)
                .json();
        assertThat(requeued.path("status").asText()).isEqualTo("QUEUED");
        assertThat(waitFor(t, gone, "READY").path("chunks").asInt()).isEqualTo(8);

        api().delete("/api/v1/knowledge/sources/" + gone, t).expect(204);
        api().get("/api/v1/knowledge/sources/" + gone, t).expectError(404, "NOT_FOUND");
        JsonNode after = search(t, "two year warranty", null);
        after.forEach(h -> assertThat(h.path("sourceId").asText()).isEqualTo(keep));
        assertThat(search(t, "pearl earrings", null).get(0).path("sourceId").asText())
                .isEqualTo(keep);
    }

    @Test
    void aViewerReadsAndAsksButCannotAddOrDelete() {
        Api.Session admin = api().signup();
        Api.Session viewer = api().addUser(admin, "VIEWER");
        String id = upload(admin.accessToken(), "keep.txt", "Pearls from Tahiti are our speciality.".getBytes(), null)
                .expect(202)
                .json()
                .path("id")
                .asText();
        waitFor(admin.accessToken(), id, "READY");
        upload(viewer.accessToken(), "x.txt", "x".getBytes(), null).expect(403);
        api().delete("/api/v1/knowledge/sources/" + id, viewer.accessToken()).expect(403);
        api().get("/api/v1/knowledge/sources/" + id, viewer.accessToken()).expect(200);
        assertThat(search(viewer.accessToken(), "pearls", null)).isNotEmpty();
        api().post("/api/v1/knowledge/search", viewer.accessToken(), Map.of("q", "pearls"))
                .expect(200);
    }

    @Test
    void aQuestionMustBeAskedAndBounded() {
        String t = api().signup().accessToken();
        api().get("/api/v1/knowledge/search?q=", t).expectError(400, "VALIDATION_ERROR");
        api().get("/api/v1/knowledge/search?q=hi&k=0", t).expectError(400, "VALIDATION_ERROR");
        api().get("/api/v1/knowledge/search?q=hi&k=51", t).expectError(400, "VALIDATION_ERROR");
        api().get("/api/v1/knowledge/search?q=hi&campaignId=" + UUID.randomUUID(), t)
                .expectError(404, "NOT_FOUND");
        assertThat(search(t, "anything at all", null)).isEmpty();
    }
}
