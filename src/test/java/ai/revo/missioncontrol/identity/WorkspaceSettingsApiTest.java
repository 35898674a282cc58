package ai.revo.missioncontrol.identity;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class WorkspaceSettingsApiTest extends IntegrationTest {

    @Test
    void adminRenamesTheWorkspaceAndSetsItsZoneAndRegionAudited() {
        Api api = api();
        Api.Session admin = api.signup();
        var after = api.patch(
                        "/api/v1/settings/workspace",
                        admin.accessToken(),
                        Map.of("name", "  Paris office ", "timeZone", "Europe/Paris", "phoneRegion", "fr"))
                .expect(200)
                .json();
        assertThat(after.path("name").asText()).isEqualTo("Paris office");
        assertThat(after.path("timeZone").asText()).isEqualTo("Europe/Paris");
        assertThat(after.path("phoneRegion").asText()).isEqualTo("FR");
        assertThat(after.path("logo").isNull()).isTrue();
        assertThat(api.get("/api/v1/me", admin.accessToken())
                        .json()
                        .path("workspace")
                        .path("name")
                        .asText())
                .isEqualTo("Paris office");
        // numbers without a country code are now read as French
        var contact = api.post(
                        "/api/v1/contacts",
                        admin.accessToken(),
                        Map.of("email", Api.uniqueEmail("fr"), "phone", "01 23 45 67 89"))
                .expect(200)
                .json();
        assertThat(contact.path("phone").asText()).isEqualTo("+33123456789");
        var audit = api.get("/api/v1/audit?action=workspace.settings_edited", admin.accessToken())
                .expect(200)
                .json()
                .path("data")
                .path(0);
        assertThat(audit.toString()).contains("Europe/Paris").contains("America/Toronto");
        var event = api.get("/api/v1/events/feed?type=workspace.settings_edited", admin.accessToken())
                .expect(200)
                .json()
                .path("data")
                .path(0);
        assertThat(event.path("payload").path("phoneRegion").asText()).isEqualTo("FR");
        assertThat(event.path("actor").path("type").asText()).isEqualTo("USER");
    }

    @Test
    void refusesAnUnknownZoneOrRegionAndChangesNothing() {
        Api api = api();
        Api.Session admin = api.signup();
        assertThat(api.patch(
                                "/api/v1/settings/workspace",
                                admin.accessToken(),
                                Map.of("name", "Renamed", "timeZone", "Mars/Olympus"))
                        .expectError(400, "VALIDATION_ERROR")
                        .body())
                .contains("\"field\":\"timeZone\"");
        assertThat(api.patch("/api/v1/settings/workspace", admin.accessToken(), Map.of("phoneRegion", "XX"))
                        .expectError(400, "VALIDATION_ERROR")
                        .body())
                .contains("\"field\":\"phoneRegion\"");
        api.patch("/api/v1/settings/workspace", admin.accessToken(), Map.of("name", " "))
                .expectError(400, "VALIDATION_ERROR");
        var now = api.get("/api/v1/settings/workspace", admin.accessToken())
                .expect(200)
                .json();
        assertThat(now.path("name").asText()).isEqualTo("Workspace " + admin.email());
        assertThat(now.path("timeZone").asText()).isEqualTo("America/Toronto");
        assertThat(now.path("phoneRegion").asText()).isEqualTo("CA");
    }

    @Test
    void onlyAnAdminChangesTheWorkspace() {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Session operator = api.addUser(admin, "OPERATOR");
        api.patch("/api/v1/settings/workspace", operator.accessToken(), Map.of("name", "Mine"))
                .expectError(403, "FORBIDDEN");
        assertThat(upload(operator.accessToken(), png(16, 16), "image/png").statusCode())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/settings/workspace", operator.accessToken())
                        .expect(200)
                        .json()
                        .path("name")
                        .asText())
                .isEqualTo("Workspace " + admin.email());
    }

    @Test
    void keepsAValidatedLogoAndServesItOnlyToItsWorkspace() throws Exception {
        Api api = api();
        Api.Session a = api.signup();
        Api.Session b = api.signup();
        byte[] png = png(120, 40);
        // the browser's claim does not matter: the type is read from the bytes
        HttpResponse<String> put = upload(a.accessToken(), png, "application/octet-stream");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        var view = api.get("/api/v1/settings/workspace", a.accessToken()).json().path("logo");
        assertThat(view.path("contentType").asText()).isEqualTo("image/png");
        assertThat(view.path("width").asInt()).isEqualTo(120);
        assertThat(view.path("height").asInt()).isEqualTo(40);
        HttpResponse<byte[]> got = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + port + "/api/v1/settings/workspace/logo"))
                                .header("Authorization", "Bearer " + a.accessToken())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(got.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(got.body()).isEqualTo(png);
        // another workspace sees only its own (none)
        api.get("/api/v1/settings/workspace/logo", b.accessToken()).expectError(404, "NOT_FOUND");
        assertThat(api.get("/api/v1/settings/workspace", b.accessToken())
                        .json()
                        .path("logo")
                        .isNull())
                .isTrue();
        assertThat(api.get("/api/v1/audit?action=workspace.logo_replaced", a.accessToken())
                        .json()
                        .path("data")
                        .size())
                .isEqualTo(1);
        api.delete("/api/v1/settings/workspace/logo", a.accessToken()).expect(200);
        api.get("/api/v1/settings/workspace/logo", a.accessToken()).expectError(404, "NOT_FOUND");
        api.delete("/api/v1/settings/workspace/logo", a.accessToken()).expectError(404, "NOT_FOUND");
    }

    @Test
    void refusesWhatIsNotASmallPngJpegOrGif() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(upload(admin.accessToken(), svg, "image/png").body()).contains("\"field\":\"logo\"");
        assertThat(upload(admin.accessToken(), "just text".getBytes(StandardCharsets.UTF_8), "image/png")
                        .statusCode())
                .isEqualTo(400);
        byte[] truncated = java.util.Arrays.copyOf(png(64, 64), 40);
        assertThat(upload(admin.accessToken(), truncated, "image/png").statusCode())
                .isEqualTo(400);
        assertThat(upload(admin.accessToken(), png(2049, 10), "image/png").body())
                .contains("2048");
        byte[] big = new byte[300 * 1024];
        System.arraycopy(png(8, 8), 0, big, 0, png(8, 8).length);
        assertThat(upload(admin.accessToken(), big, "image/png").body()).contains("256 KB");
        assertThat(api.get("/api/v1/settings/workspace", admin.accessToken())
                        .json()
                        .path("logo")
                        .isNull())
                .isTrue();
        assertThat(api.get("/api/v1/audit?action=workspace.logo", admin.accessToken())
                        .json()
                        .path("data")
                        .size())
                .isZero();
    }

    private HttpResponse<String> upload(String token, byte[] bytes, String type) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + port + "/api/v1/settings/workspace/logo"))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Content-Type", type)
                                    .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] png(int width, int height) {
        try {
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            for (int x = 0; x < width; x++) {
                image.setRGB(x, 0, 0x206bc4);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
