package ai.revo.missioncontrol.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import ai.revo.missioncontrol.support.TestDatabase;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application with the real WhatsApp adapter against a WireMock stand-in for Meta's Graph API, on a database of
 * its own (its db-scheduler must not pick up another context's work). Tests create their own workspace and number.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class WhatsAppIntegrationTest {

    static final WireMockServer GRAPH = new WireMockServer(options().dynamicPort());
    static final TestDatabase.Endpoint DATABASE = TestDatabase.createDatabase();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final AtomicLong NUMBERS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    static {
        GRAPH.start();
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        IntegrationTest.applicationProperties(registry, DATABASE);
        registry.add("mc.whatsapp.graph-url", GRAPH::baseUrl);
        registry.add("mc.whatsapp.graph-version", () -> "v21.0");
        registry.add("mc.whatsapp.throughput-backoff", () -> "50ms");
    }

    Api api() {
        return new Api("http://127.0.0.1:" + port);
    }

    JdbcClient db() {
        return JdbcClient.create(new DriverManagerDataSource(DATABASE.url(), DATABASE.username(), DATABASE.password()));
    }

    /** A workspace with a campaign and a connected number (secrets known to the test). */
    record Workspace(
            Api.Session admin, String campaignId, String phoneNumberId, String appSecret, String verifyToken) {}

    Workspace connected() {
        Api api = api();
        Api.Session admin = api.signup();
        String campaign = api.post(
                        "/api/v1/campaigns",
                        admin.accessToken(),
                        Map.of(
                                "name",
                                "WhatsApp " + UUID.randomUUID().toString().substring(0, 8)))
                .expect(201)
                .json()
                .path("id")
                .asText();
        String phoneNumberId = String.valueOf(100_000_000_000L + NUMBERS.incrementAndGet());
        String appSecret = "app-secret-" + UUID.randomUUID();
        String verifyToken = "verify-" + UUID.randomUUID();
        api.put(
                        "/api/v1/settings/whatsapp",
                        admin.accessToken(),
                        Map.of(
                                "phoneNumberId", phoneNumberId,
                                "businessAccountId", "102290129340398",
                                "displayNumber", "+1 555 078 3881",
                                "accessToken", "EAAG-token-" + phoneNumberId,
                                "appSecret", appSecret,
                                "verifyToken", verifyToken,
                                "campaignId", campaign))
                .expect(200);
        return new Workspace(admin, campaign, phoneNumberId, appSecret, verifyToken);
    }

    void stubNumber(String phoneNumberId) {
        GRAPH.stubFor(get(urlPathEqualTo("/v21.0/" + phoneNumberId))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"verified_name\":\"Revo Jewels\",\"display_phone_number\":\"+1 555-078-3881\","
                                + "\"quality_rating\":\"GREEN\",\"id\":\"" + phoneNumberId + "\"}")));
    }

    static String signature(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** POSTs a webhook delivery as Meta does; {@code signature} null sends none. */
    HttpResponse<String> deliver(byte[] body, String signature) {
        try {
            HttpRequest.Builder r = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/v1/webhooks/whatsapp"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (signature != null) {
                r.header("X-Hub-Signature-256", signature);
            }
            return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> deliverSigned(Workspace w, String body) {
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        return deliver(raw, signature(w.appSecret(), raw));
    }

    HttpResponse<String> getPlain(String pathAndQuery) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A text message as Meta's messages webhook sends it. */
    static String textMessage(String phoneNumberId, String waId, String wamid, String text) {
        return envelope(
                phoneNumberId,
                "\"contacts\":[{\"profile\":{\"name\":\"Sheena Nelson\"},\"wa_id\":\"" + waId + "\"}],"
                        + "\"messages\":[{\"from\":\"" + waId + "\",\"id\":\"" + wamid + "\",\"timestamp\":\""
                        + (System.currentTimeMillis() / 1000) + "\",\"type\":\"text\",\"text\":{\"body\":\""
                        + text + "\"}}]");
    }

    /** Meta's envelope around one change's value. */
    static String envelope(String phoneNumberId, String valueFields) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{"
                + "\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\","
                + "\"phone_number_id\":\"" + phoneNumberId + "\"}," + valueFields + "},\"field\":\"messages\"}]}]}";
    }
}
