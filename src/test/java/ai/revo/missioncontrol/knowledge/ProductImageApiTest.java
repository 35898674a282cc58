package ai.revo.missioncontrol.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.revo.missioncontrol.activity.ActivityFeed;
import ai.revo.missioncontrol.activity.AuditFilter;
import ai.revo.missioncontrol.activity.AuditRow;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Product pictures through the API: sniffed types, limits, caching headers, and removal with the product. */
class ProductImageApiTest extends IntegrationTest {

    @Autowired
    ActivityFeed feed;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static byte[] picture(String format, Color color) {
        try {
            BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
            var g = image.createGraphics();
            g.setColor(color);
            g.fillRect(0, 0, 40, 30);
            g.dispose();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(ImageIO.write(image, format, out)).isTrue();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The smallest lossless WebP (1x1), as libwebp writes it. */
    static byte[] webp() {
        int[] b = {
            0x52, 0x49, 0x46, 0x46, 0x1a, 0x00, 0x00, 0x00, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50, 0x38, 0x4c, 0x0d, 0x00,
            0x00, 0x00, 0x2f, 0x00, 0x00, 0x00, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xfe, 0x07, 0x00
        };
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    Api.Response upload(String token, String productId, String fileName, String declaredType, byte[] content) {
        return multipart(token, "/api/v1/products/" + productId + "/image", fileName, declaredType, content);
    }

    Api.Response multipart(String token, String path, String fileName, String declaredType, byte[] content) {
        try {
            String boundary = "----mc" + UUID.randomUUID();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                            + "\"\r\nContent-Type: " + declaredType + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
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

    HttpResponse<byte[]> fetch(String token, String path, String ifNoneMatch) {
        try {
            HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Bearer " + token);
            if (ifNoneMatch != null) {
                r.header("If-None-Match", ifNoneMatch);
            }
            return HTTP.send(r.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private long rows(String productId) {
        try (var c = database().connect();
                var q = c.prepareStatement("select count(*) from products where id = ?")) {
            q.setObject(1, UUID.fromString(productId));
            try (var rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String product(String token, String name) {
        return api().post("/api/v1/products", token, Map.of("name", name, "description", "A test product"))
                .expect(201)
                .json()
                .path("id")
                .asText();
    }

    @Test
    void aPictureIsStoredWithTheProductAndServedWithItsTypeEtagAndCaching() {
        Api.Session s = api().signup();
        String t = s.accessToken();
        String id = product(t, "Silver locket");
        assertThat(api().get("/api/v1/products/" + id, t)
                        .json()
                        .path("imageUrl")
                        .isNull())
                .isTrue();
        assertThat(fetch(t, "/api/v1/products/" + id + "/image", null).statusCode())
                .isEqualTo(404);

        byte[] png = picture("png", Color.RED);
        JsonNode view =
                upload(t, id, "locket.png", "image/png", png).expect(200).json();
        String url = view.path("imageUrl").asText();
        assertThat(url).startsWith("/api/v1/products/" + id + "/image?v=");

        HttpResponse<byte[]> got = fetch(t, url, null);
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(got.body()).isEqualTo(png);
        String etag = got.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).isEqualTo("\"" + ProductImage.sha256(png) + "\"");
        assertThat(got.headers().firstValue("Cache-Control").orElseThrow())
                .contains("private")
                .contains("max-age=3600");
        assertThat(got.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        HttpResponse<byte[]> again = fetch(t, url, etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        // a JPEG replaces it: another ETag, another URL
        byte[] jpeg = picture("jpg", Color.BLUE);
        String url2 = upload(t, id, "locket.jpg", "image/jpeg", jpeg)
                .expect(200)
                .json()
                .path("imageUrl")
                .asText();
        assertThat(url2).isNotEqualTo(url);
        HttpResponse<byte[]> replaced = fetch(t, url2, etag);
        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(replaced.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(replaced.body()).isEqualTo(jpeg);

        // WebP is the third accepted type
        String other = product(t, "Gold chain");
        upload(t, other, "chain.webp", "image/webp", webp()).expect(200);
        assertThat(fetch(t, "/api/v1/products/" + other + "/image", null)
                        .headers()
                        .firstValue("Content-Type"))
                .hasValue("image/webp");

        // audited, with a sentence a person reads on the audit page
        JsonNode audit =
                api().get("/api/v1/audit?action=product", t).expect(200).json();
        assertThat(audit.toString()).contains("product.image.uploaded").contains("image/jpeg");
        assertThat(feed
                        .describedAudit(
                                TenantId.of(s.tenantId()),
                                new AuditFilter("product", null, null, null, null, null),
                                new PageQuery(1, 50))
                        .data()
                        .stream()
                        .map(AuditRow::description))
                .contains(
                        "Picture uploaded for product “Silver locket”",
                        "Product “Silver locket” added to the catalogue",
                        "Product “Gold chain” added to the catalogue");

        // removing the product removes its picture
        api().delete("/api/v1/products/" + id, t).expect(204);
        assertThat(fetch(t, url2, null).statusCode()).isEqualTo(404);
        assertThat(rows(id)).isZero();
    }

    @Test
    void knowledgeSourceEventsAreAuditedWithSentencesAPersonReads() {
        Api.Session s = api().signup();
        String id = multipart(
                        s.accessToken(),
                        "/api/v1/knowledge/sources",
                        "care.txt",
                        "text/plain",
                        "Store pearls flat in a soft pouch.".getBytes(StandardCharsets.UTF_8))
                .expect(202)
                .json()
                .path("id")
                .asText();
        await().atMost(Duration.ofSeconds(90))
                .until(() -> api().get("/api/v1/knowledge/sources/" + id, s.accessToken())
                        .json()
                        .path("status")
                        .asText()
                        .equals("READY"));
        api().delete("/api/v1/knowledge/sources/" + id, s.accessToken()).expect(204);
        assertThat(feed
                        .describedAudit(
                                TenantId.of(s.tenantId()),
                                new AuditFilter("knowledge.source", null, null, null, null, null),
                                new PageQuery(1, 50))
                        .data()
                        .stream()
                        .map(AuditRow::description))
                .contains(
                        "Knowledge source “care.txt” added (txt) and queued for reading",
                        "Knowledge source “care.txt” removed with its 1 passage(s)");
    }

    @Test
    void aRenamedFileAnOversizedPictureOrAnEmptyUploadIsRefusedAndNothingChanges() {
        String t = api().signup().accessToken();
        String id = product(t, "Brooch");
        byte[] png = picture("png", Color.GREEN);
        String url = upload(t, id, "brooch.png", "image/png", png)
                .expect(200)
                .json()
                .path("imageUrl")
                .asText();

        // text renamed to .png, declared image/png: the bytes say otherwise
        upload(t, id, "brooch.png", "image/png", "not a picture at all, just text".getBytes(StandardCharsets.UTF_8))
                .expectError(415, "UNSUPPORTED_MEDIA_TYPE");
        // a GIF (a real picture, but not an accepted type)
        upload(t, id, "brooch.gif", "image/gif", picture("gif", Color.GREEN))
                .expectError(415, "UNSUPPORTED_MEDIA_TYPE");
        // a PDF renamed to .jpg
        upload(t, id, "brooch.jpg", "image/jpeg", KnowledgeDocuments.pdf(KnowledgeApiTest.PAGES, null))
                .expectError(415, "UNSUPPORTED_MEDIA_TYPE");
        // over 5 MB, even with a PNG signature
        byte[] big = Arrays.copyOf(png, ProductImage.MAX_BYTES + 1);
        upload(t, id, "big.png", "image/png", big).expectError(413, "PAYLOAD_TOO_LARGE");
        upload(t, id, "empty.png", "image/png", new byte[0]).expectError(400, "VALIDATION_ERROR");
        // no such product
        upload(t, UUID.randomUUID().toString(), "x.png", "image/png", png).expectError(404, "NOT_FOUND");

        assertThat(api().get("/api/v1/products/" + id, t)
                        .json()
                        .path("imageUrl")
                        .asText())
                .isEqualTo(url);
        assertThat(fetch(t, url, null).body()).isEqualTo(png);
    }

    @Test
    void anotherWorkspaceCannotSeeOrReplaceAPicture() {
        String a = api().signup().accessToken();
        String b = api().signup().accessToken();
        String id = product(a, "Cameo");
        byte[] png = picture("png", Color.ORANGE);
        upload(a, id, "cameo.png", "image/png", png).expect(200);
        assertThat(fetch(b, "/api/v1/products/" + id + "/image", null).statusCode())
                .isEqualTo(404);
        upload(b, id, "cameo.png", "image/png", picture("png", Color.BLACK)).expectError(404, "NOT_FOUND");
        assertThat(fetch(a, "/api/v1/products/" + id + "/image", null).body()).isEqualTo(png);
    }
}
