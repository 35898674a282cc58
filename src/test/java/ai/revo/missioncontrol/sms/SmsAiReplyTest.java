package ai.revo.missioncontrol.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import ai.revo.missioncontrol.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The AI answers SMS conversations the way it answers WhatsApp ones, with a model (a fake OpenAI-compatible server)
 * and the real Twilio adapter against a WireMock stand-in for Twilio's API, on a database of its own: an incoming SMS
 * gets a reply written from the conversation, the campaign and the catalogue with the SMS prompt, filed as an SMS
 * draft in the approval inbox; approved, it goes out through the gateway on SMS (dry run: SIMULATED); with the
 * campaign's SMS auto-reply on and dry run off a passing reply reaches Twilio at once and an over-long one waits; a
 * number that texted STOP, and HELP, get nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SmsAiReplyTest {

    static final WireMockServer TWILIO = new WireMockServer(options().dynamicPort());
    static final WireMockServer LLM = new WireMockServer(options().dynamicPort());
    static final String PATH = "/v1/chat/completions";
    static final TestDatabase.Endpoint DATABASE = TestDatabase.createDatabase();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    static {
        TWILIO.start();
        LLM.start();
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        IntegrationTest.applicationProperties(registry, DATABASE);
        registry.add("mc.twilio.api-url", TWILIO::baseUrl);
        registry.add("mc.twilio.rate-backoff", () -> "50ms");
        registry.add("mc.llm.base-url", () -> LLM.baseUrl() + "/v1");
        registry.add("mc.llm.api-key", () -> "test-key");
        registry.add("mc.llm.model", () -> "test-model");
        registry.add("mc.llm.timeout", () -> "5s");
        registry.add("mc.llm.max-attempts", () -> "3");
        registry.add("mc.llm.backoff", () -> "10ms");
    }

    @BeforeEach
    void fresh() {
        LLM.resetAll();
    }

    Api api() {
        return new Api("http://127.0.0.1:" + port);
    }

    record Shop(Api.Session admin, String accountSid, String authToken, String webhookUrl, String campaignId) {}

    /** A workspace with a connected Twilio account, a campaign, one product, and a lead with {@code phone}. */
    Shop shop(String phone) {
        Api api = api();
        Api.Session admin = api.signup();
        String t = admin.accessToken();
        byte[] b = new byte[16];
        new java.security.SecureRandom().nextBytes(b);
        String sid = "AC" + HexFormat.of().formatHex(b);
        new java.security.SecureRandom().nextBytes(b);
        String token = HexFormat.of().formatHex(b);
        String url = api.put(
                        "/api/v1/settings/sms",
                        t,
                        Map.of("accountSid", sid, "authToken", token, "fromNumber", "+15005550006"))
                .expect(200)
                .json()
                .path("webhookUrl")
                .asText();
        String campaign = api.post("/api/v1/campaigns", t, Map.of("name", "Rings " + UUID.randomUUID()))
                .expect(201)
                .json()
                .path("id")
                .asText();
        api.post(
                        "/api/v1/leads",
                        t,
                        Map.of(
                                "campaignId",
                                campaign,
                                "contact",
                                Map.of("phone", phone, "firstName", "Ada", "email", Api.uniqueEmail("smsai"))))
                .expect(201);
        api.post(
                        "/api/v1/products",
                        t,
                        Map.of(
                                "name",
                                "Aurora Gold Ring",
                                "description",
                                "A slim 18k gold ring with one small diamond",
                                "price",
                                Map.of("amount", 499, "currency", "USD"),
                                "availability",
                                "IN_STOCK"))
                .expect(201);
        return new Shop(admin, sid, token, url, campaign);
    }

    static String number() {
        return "+1415556" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
    }

    static String messageSid() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }

    /** An incoming SMS as Twilio posts it to the workspace's webhook, signed with its auth token. */
    void incoming(Shop s, String from, String body) {
        String url = "http://127.0.0.1:" + port + URI.create(s.webhookUrl()).getPath();
        String sid = messageSid();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("ToCountry", "US");
        p.put("SmsMessageSid", sid);
        p.put("NumMedia", "0");
        p.put("SmsSid", sid);
        p.put("SmsStatus", "received");
        p.put("Body", body);
        p.put("To", "+15005550006");
        p.put("NumSegments", "1");
        p.put("MessageSid", sid);
        p.put("AccountSid", s.accountSid());
        p.put("From", from);
        p.put("ApiVersion", "2010-04-01");
        StringJoiner form = new StringJoiner("&");
        p.forEach((k, v) -> form.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        try {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                            .header("X-Twilio-Signature", SmsIntegrationTest.sign(s.authToken(), url, p))
                            .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The model's answer to the SMS prompt. */
    static void answer(String body, double confidence) throws Exception {
        LLM.stubFor(post(urlEqualTo(PATH))
                .withRequestBody(containing("in this SMS conversation"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                completion(JSON.writeValueAsString(Map.of("body", body, "confidence", confidence))))));
    }

    static String completion(String content) throws Exception {
        return JSON.writeValueAsString(Map.of(
                "id",
                "chatcmpl-sms",
                "object",
                "chat.completion",
                "created",
                1700000000,
                "model",
                "test-model-2025",
                "choices",
                List.of(Map.of(
                        "index",
                        0,
                        "message",
                        Map.of("role", "assistant", "content", content),
                        "finish_reason",
                        "stop")),
                "usage",
                Map.of("prompt_tokens", 200, "completion_tokens", 40, "total_tokens", 240)));
    }

    String conversation(Shop s) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> api().get(
                                        "/api/v1/conversations?channel=SMS",
                                        s.admin().accessToken())
                                .expect(200)
                                .json()
                                .path("data")
                                .path(0)
                                .path("id")
                                .asText(""),
                        id -> !id.isEmpty());
    }

    /** The conversation's latest AI reply once its reason contains {@code text}. */
    JsonNode aiReply(Shop s, String conversation, String text) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            Api.Response r = api().get(
                                            "/api/v1/conversations/" + conversation + "/ai-reply",
                                            s.admin().accessToken());
                            return r.status() == 200 ? r.json() : null;
                        },
                        r -> r != null && r.path("reason").asText().contains(text));
    }

    JsonNode messages(Shop s, String conversation) {
        return api().get(
                        "/api/v1/conversations/" + conversation + "/messages",
                        s.admin().accessToken())
                .expect(200)
                .json()
                .path("data");
    }

    String messagesPath(Shop s) {
        return "/2010-04-01/Accounts/" + s.accountSid() + "/Messages.json";
    }

    @Test
    void anSmsGetsAPlainTextDraftForTheSmsChannelThatGoesOutAsSmsOnApproval() throws Exception {
        String phone = number();
        Shop s = shop(phone);
        String t = s.admin().accessToken();
        answer("**Yes!** The Aurora Gold Ring is 499 USD and in stock. Shall I reserve one for you?", 0.9);
        incoming(s, phone, "Do you have a gold ring?");
        String conversation = conversation(s);
        JsonNode reply = aiReply(s, conversation, "auto-reply is off");
        assertThat(reply.path("status").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(reply.path("reason").asText()).contains("all checks passed");

        List<LoggedRequest> asked =
                LLM.findAll(postRequestedFor(urlEqualTo(PATH)).withRequestBody(containing("Do you have a gold ring?")));
        assertThat(asked).isNotEmpty();
        String prompt = JSON.readTree(asked.get(0).getBodyAsString())
                .path("messages")
                .get(1)
                .path("content")
                .asText();
        assertThat(prompt)
                .contains("in this SMS conversation")
                .contains("Channel: SMS.")
                .contains("plain text only (no markdown")
                .contains("at most 320 characters")
                .contains("- Aurora Gold Ring | 499 USD | IN_STOCK");

        String draftId = reply.path("draftId").asText();
        JsonNode draft = api().get("/api/v1/drafts/" + draftId, t).expect(200).json();
        assertThat(draft.path("channel").asText()).isEqualTo("SMS");
        assertThat(draft.path("status").asText()).isEqualTo("NEEDS_APPROVAL");
        // the markdown the model wrote is taken out: a phone would show the asterisks
        assertThat(draft.path("bodyText").asText())
                .isEqualTo("Yes! The Aurora Gold Ring is 499 USD and in stock. Shall I reserve one for you?");
        assertThat(draft.path("checks").path("passed").asBoolean()).isTrue();
        assertThat(draft.path("checks").path("conversation").path("id").asText())
                .isEqualTo(conversation);
        assertThat(draft.path("checks").toString()).contains("of at most 480 characters");
        JsonNode inbox =
                api().get("/api/v1/approvals/inbox", t).expect(200).json().path("data");
        assertThat(inbox).hasSize(1);
        assertThat(inbox.get(0).path("draft").path("id").asText()).isEqualTo(draftId);
        assertThat(inbox.get(0).path("draft").path("channel").asText()).isEqualTo("SMS");

        api().post("/api/v1/drafts/" + draftId + "/approve", t, null).expect(200);
        JsonNode sent = aiReply(s, conversation, "and sent");
        assertThat(sent.path("status").asText()).isEqualTo("SENT");
        // dry run is on by default: the gateway records the SMS as SIMULATED and nothing reaches Twilio
        JsonNode out = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> messages(s, conversation),
                        m -> m.size() == 2 && m.get(1).path("status").asText().equals("SIMULATED"));
        assertThat(out.get(1).path("direction").asText()).isEqualTo("OUTBOUND");
        assertThat(out.get(1).path("text").asText()).startsWith("Yes! The Aurora Gold Ring is 499 USD");
        JsonNode logged =
                api().get("/api/v1/outbound?channel=SMS", t).expect(200).json().path("data");
        assertThat(logged).hasSize(1);
        assertThat(logged.get(0).path("to").asText()).isEqualTo(phone);
        assertThat(logged.get(0).path("status").asText()).isEqualTo("SIMULATED");
        TWILIO.verify(0, postRequestedFor(urlPathEqualTo(messagesPath(s))));
    }

    @Test
    void withSmsAutoReplyOnAPassingReplyReachesTwilioAtOnceAndAnOverLongOneWaits() throws Exception {
        String phone = number();
        Shop s = shop(phone);
        String t = s.admin().accessToken();
        api().patch("/api/v1/settings/safety", t, Map.of("dryRunMode", false, "channels", Map.of("SMS", true)))
                .expect(200);
        // WhatsApp's auto-reply does not switch SMS on: only smsAutoReply does
        api().put("/api/v1/campaigns/" + s.campaignId() + "/conversation-settings", t, Map.of("autoReply", true))
                .expect(200);
        answer("The Aurora Gold Ring is 499 USD and in stock.", 0.95);
        incoming(s, phone, "How much is the gold ring?");
        String conversation = conversation(s);
        assertThat(aiReply(s, conversation, "Waits in the approval inbox (auto-reply is off)")
                        .path("status")
                        .asText())
                .isEqualTo("AWAITING_APPROVAL");
        JsonNode settings = api().put(
                        "/api/v1/campaigns/" + s.campaignId() + "/conversation-settings",
                        t,
                        Map.of("autoReply", false, "smsAutoReply", true))
                .expect(200)
                .json();
        assertThat(settings.path("smsAutoReply").asBoolean()).isTrue();
        assertThat(settings.path("autoReply").asBoolean()).isFalse();

        String twilioSid = messageSid();
        TWILIO.stubFor(post(urlPathEqualTo(messagesPath(s)))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(SmsTwilioTest.created(
                                new SmsIntegrationTest.Workspace(
                                        s.admin(), s.accountSid(), s.authToken(), s.webhookUrl()),
                                twilioSid,
                                phone,
                                "The Aurora Gold Ring is 499 USD and in stock."))));
        incoming(s, phone, "And is it in stock?");
        JsonNode sent = aiReply(s, conversation, "Sent automatically");
        assertThat(sent.path("status").asText()).isEqualTo("SENT");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !TWILIO.findAll(postRequestedFor(urlPathEqualTo(messagesPath(s))))
                        .isEmpty());
        TWILIO.verify(
                1,
                postRequestedFor(urlPathEqualTo(messagesPath(s)))
                        .withFormParam("To", equalTo(phone))
                        .withFormParam("Body", equalTo("The Aurora Gold Ring is 499 USD and in stock.")));
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> messages(s, conversation),
                        m -> m.size() == 3 && m.get(2).path("status").asText().equals("SENT"));

        // longer than three segments: the length_limit check fails it, so it waits for a person even with auto-reply
        LLM.resetAll();
        answer("The Aurora Gold Ring is lovely. ".repeat(20).strip(), 0.95);
        incoming(s, phone, "Tell me everything about it");
        JsonNode waiting = aiReply(s, conversation, "did not pass the gate");
        assertThat(waiting.path("status").asText()).isEqualTo("AWAITING_APPROVAL");
        JsonNode draft = api().get("/api/v1/drafts/" + waiting.path("draftId").asText(), t)
                .expect(200)
                .json();
        assertThat(draft.path("channel").asText()).isEqualTo("SMS");
        assertThat(draft.path("checks").toString()).contains("SMS allows at most 480");
        TWILIO.verify(1, postRequestedFor(urlPathEqualTo(messagesPath(s))));
    }

    @Test
    void aNumberThatTextedStopGetsNoReplyAndHelpGetsNone() throws Exception {
        String phone = number();
        Shop s = shop(phone);
        String t = s.admin().accessToken();
        api().patch("/api/v1/settings/safety", t, Map.of("dryRunMode", false, "channels", Map.of("SMS", true)))
                .expect(200);
        api().put("/api/v1/campaigns/" + s.campaignId() + "/conversation-settings", t, Map.of("smsAutoReply", true))
                .expect(200);
        answer("The Aurora Gold Ring is 499 USD.", 0.95);

        incoming(s, phone, "HELP");
        String conversation = conversation(s);
        JsonNode help = aiReply(s, conversation, "carrier keyword");
        assertThat(help.path("status").asText()).isEqualTo("NOT_WRITTEN");

        incoming(s, phone, "STOP");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api().get("/api/v1/suppressions?channel=SMS", t)
                        .expect(200)
                        .json()
                        .path("data")
                        .toString()
                        .contains(phone));
        incoming(s, phone, "Wait, how much is the ring?");
        JsonNode refused = aiReply(s, conversation, "suppression list");
        assertThat(refused.path("status").asText()).isEqualTo("NOT_WRITTEN");
        assertThat(refused.path("reason").asText()).contains("SMS suppression list");
        assertThat(refused.path("draftId").isNull()).isTrue();
        assertThat(messages(s, conversation)).hasSize(2); // HELP and the question; the AI answered neither
        assertThat(LLM.findAll(postRequestedFor(urlEqualTo(PATH)))).isEmpty();
        assertThat(api().get("/api/v1/approvals/inbox", t).expect(200).json().path("data"))
                .isEmpty();
        TWILIO.verify(0, postRequestedFor(urlPathEqualTo(messagesPath(s))));
    }
}
