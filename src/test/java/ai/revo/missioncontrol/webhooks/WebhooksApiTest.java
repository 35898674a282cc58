package ai.revo.missioncontrol.webhooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.revo.missioncontrol.platform.TenantContext;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Outbound webhooks end to end against a local receiver (WireMock): the secret shown once, bad input refused with
 * nothing stored, events delivered in order and signed the Standard Webhooks way (checked here with our own HMAC),
 * a failing receiver retried in order, a delivery that keeps failing past the window disabling the subscription with
 * a notification, enabling it again, a test event and a resend under the same webhook-id, and a rotation signing with
 * both secrets.
 */
class WebhooksApiTest extends IntegrationTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    WireMockServer receiver;

    @BeforeEach
    void start() {
        receiver = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop();
    }

    String hook(String path) {
        return "http://127.0.0.1:" + receiver.port() + path;
    }

    record Sub(String id, String secret) {}

    Sub subscribe(Api api, Api.Session admin, String path, List<String> types) {
        JsonNode created = api.post(
                        "/api/v1/webhook-subscriptions",
                        admin.accessToken(),
                        Map.of("url", hook(path), "eventTypes", types, "description", "Test receiver"))
                .expect(201)
                .json();
        return new Sub(created.path("id").asText(), created.path("secret").asText());
    }

    void campaign(Api api, Api.Session s, String name) {
        api.post("/api/v1/campaigns", s.accessToken(), Map.of("name", name)).expect(201);
    }

    List<LoggedRequest> received(String path) {
        return receiver.findAll(postRequestedFor(urlEqualTo(path)));
    }

    static String hmac(String secret, String id, String ts, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return Base64.getEncoder()
                .encodeToString(mac.doFinal((id + "." + ts + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    /** The v1 signatures of a request, checked the way a receiver does. */
    static List<String> signatures(LoggedRequest r) {
        List<String> out = new ArrayList<>();
        for (String part : r.getHeader("webhook-signature").split(" ")) {
            assertThat(part).startsWith("v1,");
            out.add(part.substring(3));
        }
        return out;
    }

    @Test
    void subscribesWithTheSecretShownOnceAndRefusesBadInputWithNothingStored() {
        Api api = api();
        Api.Session admin = api.signup();
        Sub sub = subscribe(api, admin, "/once", List.of("lead.", "deal.won"));
        assertThat(sub.secret()).startsWith("whsec_");
        JsonNode got = api.get("/api/v1/webhook-subscriptions/" + sub.id(), admin.accessToken())
                .expect(200)
                .json();
        assertThat(got.has("secret")).isFalse();
        assertThat(got.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(got.path("secretLastFour").asText())
                .isEqualTo(sub.secret().substring(sub.secret().length() - 4));
        assertThat(got.path("eventTypes").toString()).isEqualTo("[\"lead.\",\"deal.won\"]");

        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("eventTypes", List.of("lead.")),
                Map.of("url", "ftp://hooks.example.com/x", "eventTypes", List.of("lead.")),
                Map.of("url", "http://localhost:9/x", "eventTypes", List.of("lead.")),
                Map.of("url", "http://10.1.2.3/x", "eventTypes", List.of("lead.")),
                Map.of("url", "http://[::1]/x", "eventTypes", List.of("lead.")),
                Map.of("url", "http://169.254.169.254/latest/meta-data", "eventTypes", List.of("*")),
                Map.of("url", "https://user:pw@hooks.example.com/x", "eventTypes", List.of("lead.")),
                Map.of("url", "https://hooks.example.com/x"),
                Map.of("url", "https://hooks.example.com/x", "eventTypes", List.of("Lead Created!")))) {
            JsonNode error = api.post("/api/v1/webhook-subscriptions", admin.accessToken(), bad)
                    .expectError(400, "VALIDATION_ERROR")
                    .json();
            assertThat(error.path("error").path("message").asText()).isNotBlank();
        }
        api.patch(
                        "/api/v1/webhook-subscriptions/" + sub.id(),
                        admin.accessToken(),
                        Map.of("url", "http://192.168.1.10/hook"))
                .expectError(400, "VALIDATION_ERROR");
        JsonNode list = api.get("/api/v1/webhook-subscriptions", admin.accessToken())
                .expect(200)
                .json();
        assertThat(list.path("data").size()).isEqualTo(1);
        assertThat(list.path("data").get(0).path("url").asText()).isEqualTo(hook("/once"));
        api.get("/api/v1/webhook-subscriptions/" + sub.id() + "/deliveries?status=LOST", admin.accessToken())
                .expectError(400, "VALIDATION_ERROR");
        api.get("/api/v1/webhook-subscriptions/" + UUID.randomUUID(), admin.accessToken())
                .expectError(404, "NOT_FOUND");
        // the receiver URL is a credential: not for other roles
        Api.Session operator = api.addUser(admin, "OPERATOR");
        api.get("/api/v1/webhook-subscriptions", operator.accessToken()).expect(403);
    }

    @Test
    void deliversTheEventsItWantsInOrderSignedTheStandardWebhooksWay() throws Exception {
        receiver.stubFor(post(urlEqualTo("/ordered")).willReturn(aResponse().withStatus(204)));
        Api api = api();
        Api.Session admin = api.signup();
        Sub sub = subscribe(api, admin, "/ordered", List.of("campaign.created"));
        campaign(api, admin, "First");
        // not subscribed: a safety switch
        api.patch("/api/v1/settings/safety", admin.accessToken(), Map.of("dryRun", true));
        campaign(api, admin, "Second");
        campaign(api, admin, "Third");

        await().atMost(Duration.ofSeconds(30)).until(() -> received("/ordered").size() >= 3);
        List<LoggedRequest> requests = received("/ordered");
        assertThat(requests).hasSize(3);
        List<Long> seqs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (LoggedRequest r : requests) {
            String body = r.getBodyAsString();
            JsonNode json = JSON.readTree(body);
            assertThat(json.path("type").asText()).isEqualTo("campaign.created");
            assertThat(r.getHeader("webhook-id")).isEqualTo(json.path("id").asText());
            assertThat(r.getHeader("Content-Type")).startsWith("application/json");
            String ts = r.getHeader("webhook-timestamp");
            assertThat(Math.abs(Long.parseLong(ts) - Instant.now().getEpochSecond()))
                    .isLessThan(120);
            assertThat(signatures(r)).containsExactly(hmac(sub.secret(), r.getHeader("webhook-id"), ts, body));
            assertThat(Instant.parse(json.path("timestamp").asText()))
                    .isBefore(Instant.now().plusSeconds(1));
            seqs.add(json.path("data").path("seq").asLong());
            names.add(json.path("data").path("payload").toString());
            assertThat(json.path("data").path("entityType").asText()).isEqualTo("campaign");
        }
        assertThat(seqs).isSorted().doesNotHaveDuplicates();
        assertThat(names.get(0)).contains("First");
        assertThat(names.get(1)).contains("Second");
        assertThat(names.get(2)).contains("Third");

        JsonNode deliveries = api.get("/api/v1/webhook-subscriptions/" + sub.id() + "/deliveries", admin.accessToken())
                .expect(200)
                .json();
        assertThat(deliveries.path("data").size()).isEqualTo(3);
        for (JsonNode d : deliveries.path("data")) {
            assertThat(d.path("status").asText()).isEqualTo("DELIVERED");
            assertThat(d.path("responseCode").asInt()).isEqualTo(204);
            assertThat(d.path("attempts").asInt()).isEqualTo(1);
            assertThat(d.path("latencyMs").isNumber()).isTrue();
        }
        JsonNode view = api.get("/api/v1/webhook-subscriptions/" + sub.id(), admin.accessToken())
                .json();
        assertThat(view.path("lastStatus").asText()).isEqualTo("DELIVERED");
    }

    @Test
    void aFailingReceiverIsRetriedAndTheOrderHolds() throws Exception {
        receiver.stubFor(post(urlEqualTo("/flaky"))
                .inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withBody("down for a moment"))
                .willSetStateTo("up"));
        receiver.stubFor(post(urlEqualTo("/flaky"))
                .inScenario("flaky")
                .whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200)));
        Api api = api();
        Api.Session admin = api.signup();
        Sub sub = subscribe(api, admin, "/flaky", List.of("campaign."));
        campaign(api, admin, "Alpha");
        campaign(api, admin, "Beta");

        await().atMost(Duration.ofSeconds(60)).until(() -> received("/flaky").size() >= 3);
        List<LoggedRequest> requests = received("/flaky");
        List<String> ids = requests.stream().map(r -> r.getHeader("webhook-id")).toList();
        // the first event twice (500, then 200), then the second: nothing overtook the failing one
        assertThat(ids.get(0)).isEqualTo(ids.get(1));
        assertThat(ids.get(2)).isNotEqualTo(ids.get(0));
        assertThat(JSON.readTree(requests.get(0).getBodyAsString())
                        .path("data")
                        .path("payload")
                        .toString())
                .contains("Alpha");
        assertThat(requests.get(0).getBodyAsString()).isEqualTo(requests.get(1).getBodyAsString());
        JsonNode deliveries = api.get("/api/v1/webhook-subscriptions/" + sub.id() + "/deliveries", admin.accessToken())
                .json()
                .path("data");
        JsonNode first = null;
        for (JsonNode d : deliveries) {
            if (d.path("webhookId").asText().equals(ids.get(0))) {
                first = d;
            }
        }
        assertThat(first).isNotNull();
        assertThat(first.path("status").asText()).isEqualTo("DELIVERED");
        assertThat(first.path("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void aDeliveryFailingPastTheWindowDisablesTheSubscriptionWithANotificationAndEnablingResumesIt() {
        receiver.stubFor(post(urlEqualTo("/dead")).willReturn(aResponse().withStatus(503)));
        Api api = api();
        Api.Session admin = api.signup();
        Sub sub = subscribe(api, admin, "/dead", List.of("campaign.created"));
        campaign(api, admin, "Doomed");
        String deliveries = "/api/v1/webhook-subscriptions/" + sub.id() + "/deliveries";
        JsonNode retrying = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> api.get(deliveries, admin.accessToken()).json().path("data"),
                        d -> d.size() == 1 && d.get(0).path("status").asText().equals("RETRYING"))
                .get(0);
        assertThat(retrying.path("responseCode").asInt()).isEqualTo(503);
        assertThat(retrying.path("nextAttemptAt").isTextual()).isTrue();
        // 25 hours of failing, compressed: the first attempt moved back, then a resend brings the next one forward
        int moved = TenantContext.callAs(
                UUID.fromString(admin.tenantId()),
                () -> tx.execute(s -> jdbc.sql("update webhook_deliveries set first_attempt_at = now() - interval "
                                + "'25 hours' where tenant_id = ? and id = ?")
                        .params(
                                UUID.fromString(admin.tenantId()),
                                UUID.fromString(retrying.path("id").asText()))
                        .update()));
        assertThat(moved).isEqualTo(1);
        api.post(deliveries + "/" + retrying.path("id").asText() + "/resend", admin.accessToken(), Map.of())
                .expect(202);
        JsonNode disabled = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> api.get("/api/v1/webhook-subscriptions/" + sub.id(), admin.accessToken())
                                .json(),
                        s -> s.path("status").asText().equals("DISABLED"));
        assertThat(disabled.path("disabledReason").asText()).contains("24 h").contains("HTTP 503");
        assertThat(api.get(deliveries, admin.accessToken())
                        .json()
                        .path("data")
                        .get(0)
                        .path("status")
                        .asText())
                .isEqualTo("FAILED");
        JsonNode notes =
                api.get("/api/v1/me/notifications", admin.accessToken()).json();
        assertThat(notes.findValues("kind").stream().map(JsonNode::asText)).contains("WEBHOOK_DISABLED");

        // fixed receiver, enabled again: the failed event is delivered first
        receiver.resetAll();
        receiver.stubFor(post(urlEqualTo("/dead")).willReturn(aResponse().withStatus(200)));
        api.patch("/api/v1/webhook-subscriptions/" + sub.id(), admin.accessToken(), Map.of("enabled", true))
                .expect(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> received("/dead").size() >= 1);
        assertThat(received("/dead").get(0).getHeader("webhook-id"))
                .isEqualTo(retrying.path("webhookId").asText());
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> api.get(deliveries, admin.accessToken())
                                .json()
                                .path("data")
                                .get(0),
                        d -> d.path("status").asText().equals("DELIVERED"));
        assertThat(api.get("/api/v1/webhook-subscriptions/" + sub.id(), admin.accessToken())
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("ACTIVE");
    }

    @Test
    void aTestEventAndAResendGoOutUnderTheSameWebhookIdAndARotationSignsWithBothSecrets() throws Exception {
        receiver.stubFor(post(urlEqualTo("/test")).willReturn(aResponse().withStatus(200)));
        Api api = api();
        Api.Session admin = api.signup();
        Sub sub = subscribe(api, admin, "/test", List.of("deal.won"));
        String base = "/api/v1/webhook-subscriptions/" + sub.id();
        JsonNode queued = api.post(base + "/test", admin.accessToken(), Map.of())
                .expect(202)
                .json();
        assertThat(queued.path("test").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> received("/test").size() == 1);
        LoggedRequest first = received("/test").get(0);
        JsonNode body = JSON.readTree(first.getBodyAsString());
        assertThat(body.path("type").asText()).isEqualTo("webhook.test");
        assertThat(signatures(first))
                .containsExactly(hmac(
                        sub.secret(),
                        first.getHeader("webhook-id"),
                        first.getHeader("webhook-timestamp"),
                        first.getBodyAsString()));
        String delivery = queued.path("id").asText();
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> api.get(base + "/deliveries", admin.accessToken())
                                .json()
                                .path("data")
                                .get(0),
                        d -> d.path("status").asText().equals("DELIVERED"));

        api.post(base + "/deliveries/" + delivery + "/resend", admin.accessToken(), Map.of())
                .expect(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> received("/test").size() == 2);
        assertThat(received("/test").get(1).getHeader("webhook-id")).isEqualTo(first.getHeader("webhook-id"));
        assertThat(received("/test").get(1).getBodyAsString()).isEqualTo(first.getBodyAsString());
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> api.get(base + "/deliveries", admin.accessToken())
                                .json()
                                .path("data")
                                .get(0),
                        d -> d.path("attempts").asInt() == 2);

        JsonNode rotated = api.post(base + "/rotate-secret", admin.accessToken(), Map.of())
                .expect(200)
                .json();
        String newSecret = rotated.path("secret").asText();
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(sub.secret());
        assertThat(rotated.path("previousSecretValidUntil").asText()).isNotBlank();
        api.post(base + "/test", admin.accessToken(), Map.of()).expect(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> received("/test").size() == 3);
        LoggedRequest third = received("/test").get(2);
        String id = third.getHeader("webhook-id");
        String ts = third.getHeader("webhook-timestamp");
        assertThat(signatures(third))
                .containsExactlyInAnyOrder(
                        hmac(newSecret, id, ts, third.getBodyAsString()),
                        hmac(sub.secret(), id, ts, third.getBodyAsString()));

        api.delete(base, admin.accessToken()).expect(204);
        api.get(base, admin.accessToken()).expectError(404, "NOT_FOUND");
    }
}
