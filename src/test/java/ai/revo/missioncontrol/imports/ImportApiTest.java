package ai.revo.missioncontrol.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class ImportApiTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Uploads a file as multipart/form-data, the way a browser does. */
    Api.Response upload(String token, String fileName, byte[] content) {
        try {
            String boundary = "----mc" + UUID.randomUUID();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/imports"))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Accept", "application/json")
                                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            JsonNode json = r.body().isBlank() ? JSON.missingNode() : JSON.readTree(r.body());
            return new Api.Response(r.statusCode(), r.body(), json, r.headers());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> columns(JsonNode view) {
        List<String> c = new ArrayList<>();
        view.path("columns").forEach(n -> c.add(n.isNull() ? null : n.asText()));
        return c;
    }

    private JsonNode awaitFinished(Api api, String token, String id) {
        return await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> api.get("/api/v1/imports/" + id, token)
                                .expect(200)
                                .json(),
                        j -> List.of("COMPLETED", "CANCELLED", "FAILED")
                                .contains(j.path("status").asText()));
    }

    @Test
    void aCsvIsMappedCheckedImportedMergedEnrolledAndItsRejectedRowsDownloadable() {
        Api api = api();
        Api.Session admin = api.signup();
        String t = admin.accessToken();
        String campaign = api.post("/api/v1/campaigns", t, Map.of("name", "Imported"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        String existing = api.post("/api/v1/contacts", t, Map.of("email", "known@example.com", "firstName", "Kim"))
                .expect(200)
                .json()
                .path("id")
                .asText();
        String csv = """
                First Name;Last Name;E-mail;Mobile;Company;Notes
                Ann;Archer;ANN@example.com;+1 416 555 0101;Acme;hello
                Bob;Baker;not-an-email;;Beta;
                Cid;Cole;cid@example.com;12;Gamma;
                ;;;;;
                Dee;Dunn;ann@example.com;;Delta;
                Kim;Known;known@example.com;(416) 555-0102;=HYPERLINK("http://evil");
                """;
        JsonNode up = upload(t, "people.csv", csv.getBytes(StandardCharsets.UTF_8))
                .expect(201)
                .json();
        String id = up.path("id").asText();
        assertThat(up.path("format").asText()).isEqualTo("CSV");
        assertThat(up.path("totalRows").asInt()).isEqualTo(5);
        assertThat(up.path("mappingRemembered").asBoolean()).isFalse();
        assertThat(columns(up)).containsExactly("firstName", "lastName", "email", "phone", "company", null);

        JsonNode preview = api.put(
                        "/api/v1/imports/" + id + "/mapping", t, Map.of("columns", columns(up), "campaignId", campaign))
                .expect(200)
                .json();
        assertThat(preview.path("valid").asInt()).isEqualTo(2);
        assertThat(preview.path("failed").asInt()).isEqualTo(2);
        assertThat(preview.path("skipped").asInt()).isEqualTo(1);
        assertThat(preview.path("reasons").path("bad email").asInt()).isEqualTo(1);
        assertThat(preview.path("reasons").path("bad phone").asInt()).isEqualTo(1);
        assertThat(preview.path("reasons").path("duplicate in the file").asInt())
                .isEqualTo(1);
        List<Integer> issueRows = new ArrayList<>();
        preview.path("issues").forEach(i -> issueRows.add(i.path("rowNumber").asInt()));
        assertThat(issueRows).containsExactly(3, 4, 6);
        JsonNode first = preview.path("rows").get(0);
        assertThat(first.path("rowNumber").asInt()).isEqualTo(2);
        assertThat(first.path("contact").path("email").asText()).isEqualTo("ann@example.com");
        assertThat(first.path("contact").path("phone").asText()).isEqualTo("+14165550101");

        api.post("/api/v1/imports/" + id + "/start", t, null).expect(202);
        api.post("/api/v1/imports/" + id + "/start", t, null).expectError(409, "CONFLICT");
        JsonNode done = awaitFinished(api, t, id);
        assertThat(done.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.path("created").asInt()).isEqualTo(1);
        assertThat(done.path("updated").asInt()).isEqualTo(1);
        assertThat(done.path("skipped").asInt()).isEqualTo(1);
        assertThat(done.path("failed").asInt()).isEqualTo(2);
        assertThat(done.path("enrolled").asInt()).isEqualTo(2);
        assertThat(done.path("processedRows").asInt()).isEqualTo(5);

        JsonNode kim = api.get("/api/v1/contacts/" + existing, t).expect(200).json();
        assertThat(kim.path("lastName").asText()).isEqualTo("Known");
        assertThat(kim.path("phone").asText()).isEqualTo("+14165550102");
        assertThat(kim.path("company").asText()).isEqualTo("=HYPERLINK(\"http://evil\")");
        assertThat(kim.path("campaigns").get(0).path("campaignName").asText()).isEqualTo("Imported");
        assertThat(api.get("/api/v1/contacts?q=kim", t)
                        .json()
                        .path("pagination")
                        .path("total")
                        .asInt())
                .isEqualTo(1);

        Api.Response issues =
                api.get("/api/v1/imports/" + id + "/issues.csv", t).expect(200);
        assertThat(issues.header("Content-Type")).startsWith("text/csv");
        List<String> lines = Arrays.asList(issues.body().replace("\uFEFF", "").split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("row,outcome,reason,First Name,Last Name,E-mail,Mobile,Company,Notes");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith("3,FAILED,email must be a valid e-mail address,Bob,Baker,not-an-email");
        assertThat(lines.get(2)).startsWith("4,FAILED,phone ");
        assertThat(lines.get(3)).startsWith("6,SKIPPED,same email or phone as row 2,Dee");

        // the export neutralises what a spreadsheet would run, and follows the filters
        Api.Response export = api.get("/api/v1/exports/contacts.csv?q=known", t).expect(200);
        assertThat(export.body()).contains("'=HYPERLINK(\"\"http://evil\"\")").contains("'+14165550102");
        assertThat(export.body()).doesNotContain("ann@example.com");
        Api.Response leads =
                api.get("/api/v1/exports/leads.csv?campaignId=" + campaign, t).expect(200);
        assertThat(leads.body().split("\r\n")).hasSize(3);

        // the same headers again: the mapping is remembered
        JsonNode again = upload(t, "people-2.csv", csv.getBytes(StandardCharsets.UTF_8))
                .expect(201)
                .json();
        assertThat(again.path("mappingRemembered").asBoolean()).isTrue();
    }

    @Test
    void anXlsxIsReadWithNumberCellsAsDigits() throws IOException {
        Api api = api();
        Api.Session admin = api.signup();
        String t = admin.accessToken();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            var sheet = book.createSheet("Contacts");
            var h = sheet.createRow(0);
            h.createCell(0).setCellValue("Name");
            h.createCell(1).setCellValue("Email");
            h.createCell(2).setCellValue("Phone");
            h.createCell(3).setCellValue("Tags");
            var r = sheet.createRow(1);
            r.createCell(0).setCellValue("Eve Evans");
            r.createCell(1).setCellValue("eve@example.com");
            r.createCell(2).setCellValue(14165550123d);
            r.createCell(3).setCellValue("vip, fair");
            var r2 = sheet.createRow(3);
            r2.createCell(0).setCellValue("Fay Fox");
            r2.createCell(2).setCellValue("+44 7911 123457");
            book.write(out);
        }
        JsonNode up = upload(t, "book.xlsx", out.toByteArray()).expect(201).json();
        assertThat(up.path("format").asText()).isEqualTo("XLSX");
        assertThat(up.path("totalRows").asInt()).isEqualTo(2);
        assertThat(columns(up)).containsExactly("name", "email", "phone", "tags");
        String id = up.path("id").asText();
        api.put("/api/v1/imports/" + id + "/mapping", t, Map.of("columns", columns(up)))
                .expect(200);
        api.post("/api/v1/imports/" + id + "/start", t, null).expect(202);
        JsonNode done = awaitFinished(api, t, id);
        assertThat(done.path("created").asInt()).as("%s", done).isEqualTo(2);
        JsonNode eve = api.get("/api/v1/contacts?q=eve@example.com", t)
                .json()
                .path("data")
                .get(0);
        assertThat(eve.path("firstName").asText()).isEqualTo("Eve");
        assertThat(eve.path("lastName").asText()).isEqualTo("Evans");
        assertThat(eve.path("phone").asText()).isEqualTo("+14165550123");
        assertThat(eve.path("tags").toString()).isEqualTo("[\"vip\",\"fair\"]");
        assertThat(eve.path("source").asText()).isEqualTo("import");
    }

    @Test
    void rowsMergeIntoTheContactWithTheSamePhoneAndARowMatchingTwoContactsFails() {
        Api api = api();
        String t = api.signup().accessToken();
        String byPhone = api.post("/api/v1/contacts", t, Map.of("phone", "+1 416 555 0111", "firstName", "Pat"))
                .expect(200)
                .json()
                .path("id")
                .asText();
        api.post("/api/v1/contacts", t, Map.of("email", "other@example.com", "firstName", "Oli"))
                .expect(200);
        api.post("/api/v1/contacts", t, Map.of("phone", "+1 416 555 0122", "firstName", "Quinn"))
                .expect(200);
        String csv = """
                email,phone,company
                pat@example.com,(416) 555-0111,Phoned
                other@example.com,+14165550122,Clash
                new@example.com,,Fresh
                """;
        String id = upload(t, "merge.csv", csv.getBytes(StandardCharsets.UTF_8))
                .expect(201)
                .json()
                .path("id")
                .asText();
        api.put("/api/v1/imports/" + id + "/mapping", t, Map.of("columns", List.of("email", "phone", "company")))
                .expect(200);
        api.post("/api/v1/imports/" + id + "/start", t, null).expect(202);
        JsonNode done = awaitFinished(api, t, id);
        assertThat(done.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.path("created").asInt()).isEqualTo(1);
        assertThat(done.path("updated").asInt()).isEqualTo(1);
        assertThat(done.path("failed").asInt()).isEqualTo(1);
        JsonNode pat = api.get("/api/v1/contacts/" + byPhone, t).expect(200).json();
        assertThat(pat.path("email").asText()).isEqualTo("pat@example.com");
        assertThat(pat.path("company").asText()).isEqualTo("Phoned");
        assertThat(api.get("/api/v1/contacts?q=pat", t)
                        .json()
                        .path("pagination")
                        .path("total")
                        .asInt())
                .isEqualTo(1);
        Api.Response issues =
                api.get("/api/v1/imports/" + id + "/issues.csv", t).expect(200);
        assertThat(issues.body()).contains("3,FAILED,the email and the phone belong to two different contacts");
    }

    @Test
    void aRunningImportCanBeCancelledAndKeepsWhatItWrote() {
        Api api = api();
        Api.Session admin = api.signup();
        String t = admin.accessToken();
        StringBuilder csv = new StringBuilder("email,company\n");
        for (int i = 0; i < 30_000; i++) {
            csv.append("bulk").append(i).append("@example.com,Bulk\n");
        }
        String id = upload(t, "bulk.csv", csv.toString().getBytes(StandardCharsets.UTF_8))
                .expect(201)
                .json()
                .path("id")
                .asText();
        api.put("/api/v1/imports/" + id + "/mapping", t, Map.of("columns", Arrays.asList("email", "company")))
                .expect(200);
        api.post("/api/v1/imports/" + id + "/start", t, null).expect(202);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/v1/imports/" + id, t)
                                .json()
                                .path("processedRows")
                                .asInt()
                        > 0);
        api.post("/api/v1/imports/" + id + "/cancel", t, null).expect(200);
        JsonNode done = awaitFinished(api, t, id);
        assertThat(done.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(done.path("processedRows").asInt()).isLessThan(30_000);
        assertThat(api.get("/api/v1/contacts?q=bulk", t)
                        .json()
                        .path("pagination")
                        .path("total")
                        .asInt())
                .isEqualTo(done.path("created").asInt());
        api.post("/api/v1/imports/" + id + "/cancel", t, null).expectError(409, "CONFLICT");
    }

    @Test
    void badFilesAndMappingsAre400AndChangeNothing() {
        Api api = api();
        Api.Session admin = api.signup();
        String t = admin.accessToken();
        upload(t, "empty.csv", new byte[0]).expectError(400, "VALIDATION_ERROR");
        upload(t, "only-header.csv", "email\n".getBytes(StandardCharsets.UTF_8)).expectError(400, "VALIDATION_ERROR");
        upload(t, "old.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0})
                .expectError(400, "VALIDATION_ERROR");
        upload(t, "fake.xlsx", "email\na@b.co\n".getBytes(StandardCharsets.UTF_8))
                .expectError(400, "VALIDATION_ERROR");
        String id = upload(t, "ok.csv", "Notes,Email\nhi,a@example.com\n".getBytes(StandardCharsets.UTF_8))
                .expect(201)
                .json()
                .path("id")
                .asText();
        api.put("/api/v1/imports/" + id + "/mapping", t, Map.of("columns", Arrays.asList("tags", null)))
                .expectError(400, "VALIDATION_ERROR");
        api.put("/api/v1/imports/" + id + "/mapping", t, Map.of("columns", List.of("email")))
                .expectError(400, "VALIDATION_ERROR");
        api.put("/api/v1/imports/" + id + "/mapping", t, Map.of("columns", List.of("email", "email")))
                .expectError(400, "VALIDATION_ERROR");
        api.put("/api/v1/imports/" + id + "/mapping", t, Map.of("columns", List.of("shoeSize", "email")))
                .expectError(400, "VALIDATION_ERROR");
        api.put(
                        "/api/v1/imports/" + id + "/mapping",
                        t,
                        Map.of(
                                "columns",
                                Arrays.asList(null, "email"),
                                "campaignId",
                                UUID.randomUUID().toString()))
                .expectError(404, "NOT_FOUND");
        assertThat(api.get("/api/v1/imports/" + id, t).json().path("campaignId").isNull())
                .isTrue();
        Api.Session viewer = api.addUser(admin, "VIEWER");
        upload(viewer.accessToken(), "v.csv", "email\na@example.com\n".getBytes(StandardCharsets.UTF_8))
                .expectError(403, "FORBIDDEN");
        api.post("/api/v1/imports/" + id + "/start", viewer.accessToken(), null).expectError(403, "FORBIDDEN");
        assertThat(CsvExport.neutralise("-1+1")).isEqualTo("'-1+1");
        assertThat(CsvExport.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvExport.neutralise("\tx")).isEqualTo("'\tx");
        assertThat(CsvExport.neutralise("\rx")).isEqualTo("'\rx");
        assertThat(CsvExport.neutralise("plain")).isEqualTo("plain");
    }

    /** The cross-tenant probe for imports (its uploads are multipart, which CrossTenantProbeTest does not send). */
    @Test
    void anotherWorkspacesImportIs404ForEveryCallAndStaysAsItWas() {
        Api api = api();
        Api.Session a = api.signup();
        Api.Session b = api.signup();
        String id = upload(b.accessToken(), "b.csv", "email\nb@example.com\n".getBytes(StandardCharsets.UTF_8))
                .expect(201)
                .json()
                .path("id")
                .asText();
        String before =
                api.get("/api/v1/imports/" + id, b.accessToken()).expect(200).body();
        String t = a.accessToken();
        api.get("/api/v1/imports/" + id, t).expectError(404, "NOT_FOUND");
        api.get("/api/v1/imports/" + id + "/preview", t).expectError(404, "NOT_FOUND");
        api.put("/api/v1/imports/" + id + "/mapping", t, Map.of("columns", List.of("email")))
                .expectError(404, "NOT_FOUND");
        api.post("/api/v1/imports/" + id + "/start", t, null).expectError(404, "NOT_FOUND");
        api.post("/api/v1/imports/" + id + "/cancel", t, null).expectError(404, "NOT_FOUND");
        api.get("/api/v1/imports/" + id + "/issues.csv", t).expectError(404, "NOT_FOUND");
        assertThat(api.get("/api/v1/imports", t).json().path("data")).isEmpty();
        assertThat(api.get("/api/v1/imports/" + id, b.accessToken()).expect(200).body())
                .isEqualTo(before);
    }
}
