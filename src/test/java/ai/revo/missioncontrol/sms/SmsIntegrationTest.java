package ai.revo.missioncontrol.sms;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import ai.revo.missioncontrol.support.TestDatabase;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application with the real Twilio SMS adapter against a WireMock stand-in for Twilio's API, on a database of
 * its own (its db-scheduler must not pick up another context's work). Tests create their own workspace and account.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class SmsIntegrationTest {

    static final WireMockServer TWILIO = new WireMockServer(options().dynamicPort());
    static final TestDatabase.Endpoint DATABASE = TestDatabase.createDatabase();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static {
        TWILIO.start();
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        IntegrationTest.applicationProperties(registry, DATABASE);
        registry.add("mc.twilio.api-url", TWILIO::baseUrl);
        registry.add("mc.twilio.rate-backoff", () -> "50ms");
    }

    Api api() {
        return new Api("http://127.0.0.1:" + port);
    }

    JdbcClient db() {
        return JdbcClient.create(new DriverManagerDataSource(DATABASE.url(), DATABASE.username(), DATABASE.password()));
    }

    /** A workspace with a connected Twilio account (its token known to the test). */
    record Workspace(Api.Session admin, String accountSid, String authToken, String webhookUrl) {}

    Workspace connected() {
        Api api = api();
        Api.Session admin = api.signup();
        String sid = "AC" + HexFormat.of().formatHex(randomBytes(16));
        String token = HexFormat.of().formatHex(randomBytes(16));
        String url = api.put(
                        "/api/v1/settings/sms",
                        admin.accessToken(),
                        Map.of("accountSid", sid, "authToken", token, "fromNumber", "+15005550006"))
                .expect(200)
                .json()
                .path("webhookUrl")
                .asText();
        return new Workspace(admin, sid, token, url);
    }

    void sendForReal(Workspace w) {
        api().patch(
                        "/api/v1/settings/safety",
                        w.admin().accessToken(),
                        Map.of("dryRunMode", false, "channels", Map.of("SMS", true)))
                .expect(200);
    }

    static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new java.security.SecureRandom().nextBytes(b);
        return b;
    }

    static String messageSid() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }

    /** Twilio's signature, computed here from its documentation: URL + parameters sorted by name, HMAC-SHA1, Base64. */
    static String sign(String authToken, String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        params.keySet().stream().sorted().forEach(k -> data.append(k).append(params.get(k)));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The local address of the workspace's webhook (its public URL names the default host). */
    String localUrl(Workspace w) {
        return "http://127.0.0.1:" + port + URI.create(w.webhookUrl()).getPath();
    }

    /** POSTs form parameters to a webhook URL as Twilio does; {@code signature} null sends none. */
    HttpResponse<String> postForm(String url, Map<String, String> params, String signature) {
        StringJoiner body = new StringJoiner("&");
        params.forEach((k, v) -> body.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        try {
            HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                    .header("User-Agent", "TwilioProxy/1.1")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
            if (signature != null) {
                r.header("X-Twilio-Signature", signature);
            }
            return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A status callback as Twilio sends it for a message, signed with the workspace's token. */
    HttpResponse<String> statusCallback(Workspace w, String sid, String status, String errorCode) {
        Map<String, String> p = statusParams(w, sid, status, errorCode);
        return postForm(localUrl(w), p, sign(w.authToken(), localUrl(w), p));
    }

    static Map<String, String> statusParams(Workspace w, String sid, String status, String errorCode) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("ApiVersion", "2010-04-01");
        p.put("AccountSid", w.accountSid());
        p.put("MessageSid", sid);
        p.put("SmsSid", sid);
        p.put("MessageStatus", status);
        p.put("SmsStatus", status);
        p.put("From", "+15005550006");
        p.put("To", "+14155550142");
        if (errorCode != null) {
            p.put("ErrorCode", errorCode);
        }
        return p;
    }
}
