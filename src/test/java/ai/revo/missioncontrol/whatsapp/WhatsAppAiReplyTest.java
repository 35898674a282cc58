package ai.revo.missioncontrol.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.revo.missioncontrol.ai.LlmGateway;
import ai.revo.missioncontrol.ai.LlmTestAccess;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.outbound.RecordingAdapters;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.LlmIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The AI's reply to a WhatsApp message with a model (a fake OpenAI-compatible server): written from the conversation,
 * the campaign's persona and the products found by meaning, checked, waiting for approval unless the campaign's
 * auto-reply is on, sent in the thread through the gateway (recording adapters), and discarded when the person wrote
 * again before it went out.
 */
class WhatsAppAiReplyTest extends LlmIntegrationTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    LlmGateway gateway;

    @Autowired
    com.github.kagkarlsson.scheduler.SchedulerClient scheduler;

    @BeforeEach
    void fresh() {
        SERVER.resetAll();
        LlmTestAccess.resetCircuit(gateway);
    }

    record Shop(Api.Session admin, String campaignId, String phoneNumberId, String appSecret) {
        TenantId tenant() {
            return TenantId.of(admin.tenantId());
        }
    }

    Shop shop() {
        Api api = api();
        Api.Session admin = api.signup();
        String t = admin.accessToken();
        String campaign = api.post("/api/v1/campaigns", t, Map.of("name", "Rings " + UUID.randomUUID()))
                .expect(201)
                .json()
                .path("id")
                .asText();
        String phoneNumberId = String.valueOf(200_000_000_000L + System.nanoTime() % 1_000_000_000L);
        String appSecret = "app-secret-" + UUID.randomUUID();
        api.put(
                        "/api/v1/settings/whatsapp",
                        t,
                        Map.of(
                                "phoneNumberId",
                                phoneNumberId,
                                "businessAccountId",
                                "102290129340398",
                                "displayNumber",
                                "+1 555 078 3881",
                                "accessToken",
                                "EAAG-token-" + phoneNumberId,
                                "appSecret",
                                appSecret,
                                "verifyToken",
                                "verify-" + UUID.randomUUID(),
                                "campaignId",
                                campaign))
                .expect(200);
        api.patch("/api/v1/settings/safety", t, Map.of("dryRunMode", false, "channels", Map.of("WHATSAPP", true)))
                .expect(200);
        RecordingAdapters.configure(TenantId.of(admin.tenantId()));
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
        return new Shop(admin, campaign, phoneNumberId, appSecret);
    }

    void deliver(Shop s, String body) {
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        try {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/webhooks/whatsapp"))
                            .header("Content-Type", "application/json")
                            .header("X-Hub-Signature-256", WhatsAppIntegrationTest.signature(s.appSecret(), raw))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(raw))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void answer(String body, double confidence) throws Exception {
        SERVER.stubFor(post(urlEqualTo(PATH))
                .withRequestBody(containing("Answer the customer's newest message"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                completion(JSON.writeValueAsString(Map.of("body", body, "confidence", confidence))))));
    }

    static String completion(String content) throws Exception {
        return JSON.writeValueAsString(Map.of(
                "id",
                "chatcmpl-1",
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
                Map.of("prompt_tokens", 200, "completion_tokens", 60, "total_tokens", 260)));
    }

    String conversation(Shop s) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> api().get(
                                        "/api/v1/conversations?channel=WHATSAPP",
                                        s.admin().accessToken())
                                .expect(200)
                                .json()
                                .path("data")
                                .path(0)
                                .path("id")
                                .asText(""),
                        id -> !id.isEmpty());
    }

    JsonNode aiReply(Shop s, String conversation, String status) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            Api.Response r = api().get(
                                            "/api/v1/conversations/" + conversation + "/ai-reply",
                                            s.admin().accessToken());
                            return r.status() == 200 ? r.json() : null;
                        },
                        r -> r != null && r.path("status").asText().equals(status));
    }

    JsonNode messages(Shop s, String conversation) {
        return api().get(
                        "/api/v1/conversations/" + conversation + "/messages",
                        s.admin().accessToken())
                .expect(200)
                .json()
                .path("data");
    }

    @Test
    void aTextMessageGetsAReplyFromTheConversationAndTheCatalogueThatWaitsForApprovalThenGoesOut() throws Exception {
        Shop s = shop();
        String t = s.admin().accessToken();
        answer("Yes, the Aurora Gold Ring is 499 USD and in stock. Shall I reserve one for you?", 0.9);
        String waId = "1650557" + (System.nanoTime() % 9000 + 1000);
        deliver(
                s,
                WhatsAppIntegrationTest.textMessage(
                        s.phoneNumberId(), waId, "wamid.ring-" + UUID.randomUUID(), "Do you have a gold ring?"));
        String conversation = conversation(s);
        JsonNode reply = aiReply(s, conversation, "AWAITING_APPROVAL");
        assertThat(reply.path("reason").asText()).contains("auto-reply is off").contains("all checks passed");

        List<LoggedRequest> asked = SERVER.findAll(
                postRequestedFor(urlEqualTo(PATH)).withRequestBody(containing("Do you have a gold ring?")));
        assertThat(asked).isNotEmpty(); // more than one only when the gateway retried a slow answer (1 s timeout)
        String prompt = JSON.readTree(asked.get(0).getBodyAsString())
                .path("messages")
                .get(1)
                .path("content")
                .asText();
        assertThat(prompt)
                .contains("Do you have a gold ring?")
                .contains("- Aurora Gold Ring | 499 USD | IN_STOCK | A slim 18k gold ring");

        String draftId = reply.path("draftId").asText();
        JsonNode draft = api().get("/api/v1/drafts/" + draftId, t).expect(200).json();
        assertThat(draft.path("channel").asText()).isEqualTo("WHATSAPP");
        assertThat(draft.path("status").asText()).isEqualTo("NEEDS_APPROVAL");
        assertThat(draft.path("checks").path("passed").asBoolean()).isTrue();
        assertThat(draft.path("checks").path("conversation").path("id").asText())
                .isEqualTo(conversation);
        assertThat(RecordingAdapters.sentFor(s.tenant())).isEmpty();
        assertThat(messages(s, conversation)).hasSize(1);
        // the WhatsApp inbox shows the pending reply with its checks, to approve or reject
        String page = ai.revo.missioncontrol.support.PageClient.signIn(
                        port, s.admin().email(), s.admin().password())
                .get("/conversations/" + conversation)
                .body();
        assertThat(page)
                .contains("data-testid=\"suggestion-text\"")
                .contains("Yes, the Aurora Gold Ring is 499 USD and in stock.")
                .contains("no_hallucinated_inventory")
                .contains("data-testid=\"suggestion-approve\"");

        api().post("/api/v1/drafts/" + draftId + "/approve", t, null).expect(200);
        JsonNode sent = aiReply(s, conversation, "SENT");
        String sentMessage = sent.path("sentMessageId").asText();
        JsonNode out = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> messages(s, conversation),
                        m -> m.size() == 2 && m.get(1).path("status").asText().equals("SENT"));
        assertThat(out.get(1).path("id").asText()).isEqualTo(sentMessage);
        assertThat(out.get(1).path("direction").asText()).isEqualTo("OUTBOUND");
        assertThat(out.get(1).path("text").asText()).startsWith("Yes, the Aurora Gold Ring is 499 USD");
        assertThat(RecordingAdapters.sentFor(s.tenant())).hasSize(1);
        assertThat(RecordingAdapters.sentFor(s.tenant()).get(0).message().to()).isEqualTo("+" + waId);
    }

    @Test
    void withAutoReplyAPassingReplyGoesOutAtOnceAndOneWithAnInventedProductWaits() throws Exception {
        Shop s = shop();
        String t = s.admin().accessToken();
        api().put("/api/v1/campaigns/" + s.campaignId() + "/conversation-settings", t, Map.of("autoReply", true))
                .expect(200);
        assertThat(api().get("/api/v1/campaigns/" + s.campaignId() + "/conversation-settings", t)
                        .expect(200)
                        .json()
                        .path("autoReply")
                        .asBoolean())
                .isTrue();
        answer("The Aurora Gold Ring is 499 USD and in stock.", 0.95);
        String waId = "1650558" + (System.nanoTime() % 9000 + 1000);
        deliver(
                s,
                WhatsAppIntegrationTest.textMessage(
                        s.phoneNumberId(), waId, "wamid.auto-" + UUID.randomUUID(), "How much is the gold ring?"));
        String conversation = conversation(s);
        aiReply(s, conversation, "SENT");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> RecordingAdapters.sentFor(s.tenant()).size() == 1);
        assertThat(RecordingAdapters.sentFor(s.tenant()).get(0).message().body())
                .isEqualTo("The Aurora Gold Ring is 499 USD and in stock.");

        SERVER.resetAll();
        answer("We also have the Zeus Platinum Band X900 for 89 USD.", 0.95);
        deliver(
                s,
                WhatsAppIntegrationTest.textMessage(
                        s.phoneNumberId(), waId, "wamid.auto2-" + UUID.randomUUID(), "Anything cheaper?"));
        JsonNode waiting = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            Api.Response r = api().get("/api/v1/conversations/" + conversation + "/ai-reply", t);
                            return r.status() == 200 ? r.json() : null;
                        },
                        r -> r != null && r.path("status").asText().equals("AWAITING_APPROVAL"));
        assertThat(waiting.path("reason").asText()).contains("did not pass the gate");
        JsonNode draft = api().get("/api/v1/drafts/" + waiting.path("draftId").asText(), t)
                .expect(200)
                .json();
        assertThat(draft.path("checks").path("passed").asBoolean()).isFalse();
        assertThat(draft.path("checks").toString()).contains("no_hallucinated_inventory");
        assertThat(RecordingAdapters.sentFor(s.tenant())).hasSize(1);
    }

    @Test
    void aReplyWrittenBeforeThePersonWroteAgainIsDiscardedNotSent() throws Exception {
        Shop s = shop();
        String t = s.admin().accessToken();
        answer("The Aurora Gold Ring is 499 USD.", 0.9);
        String waId = "1650559" + (System.nanoTime() % 9000 + 1000);
        deliver(
                s,
                WhatsAppIntegrationTest.textMessage(
                        s.phoneNumberId(), waId, "wamid.old-" + UUID.randomUUID(), "What does the ring cost?"));
        String conversation = conversation(s);
        String draftId =
                aiReply(s, conversation, "AWAITING_APPROVAL").path("draftId").asText();
        // the person writes again (a picture: no written reply of its own), before anyone approved the first reply
        deliver(
                s,
                WhatsAppIntegrationTest.envelope(
                        s.phoneNumberId(),
                        "\"contacts\":[{\"profile\":{\"name\":\"Sheena Nelson\"},\"wa_id\":\"" + waId + "\"}],"
                                + "\"messages\":[{\"from\":\"" + waId + "\",\"id\":\"wamid.pic-" + UUID.randomUUID()
                                + "\",\"timestamp\":\"" + (System.currentTimeMillis() / 1000 + 1)
                                + "\",\"type\":\"image\",\"image\":{\"caption\":\"this one?\",\"mime_type\":"
                                + "\"image/jpeg\",\"id\":\"1234\"}}]"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> messages(s, conversation).size() == 2);
        api().post("/api/v1/drafts/" + draftId + "/approve", t, null).expect(200);
        JsonNode discarded = aiReply(s, conversation, "DISCARDED");
        assertThat(discarded.path("reason").asText()).contains("wrote again");
        assertThat(messages(s, conversation)).hasSize(2);
        assertThat(RecordingAdapters.sentFor(s.tenant())).isEmpty();
    }

    JsonNode followUp(Shop s, String conversation, String status) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> api().get(
                                        "/api/v1/conversations/" + conversation + "/follow-ups",
                                        s.admin().accessToken())
                                .expect(200)
                                .json()
                                .path("data")
                                .path(0),
                        f -> f.path("status").asText().equals(status));
    }

    String leadStatus(Shop s, String conversation) {
        String lead = api().get(
                        "/api/v1/conversations/" + conversation, s.admin().accessToken())
                .expect(200)
                .json()
                .path("leadId")
                .asText();
        return api().get("/api/v1/leads/" + lead, s.admin().accessToken())
                .expect(200)
                .json()
                .path("status")
                .asText();
    }

    @Test
    void notNowSnoozesTheLeadAndItsFollowUpIsWrittenWhenDueThenSentOnApproval() throws Exception {
        Shop s = shop();
        String t = s.admin().accessToken();
        api().put("/api/v1/campaigns/" + s.campaignId() + "/conversation-settings", t, Map.of("snoozeDays", 14))
                .expect(200);
        SERVER.stubFor(post(urlEqualTo(PATH))
                .withRequestBody(containing("asked to be contacted later"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(completion(JSON.writeValueAsString(Map.of(
                                "body",
                                "Hi Sheena, checking back about the gold ring. Is now a better time to talk?",
                                "confidence",
                                0.9))))));
        String waId = "1650571" + (System.nanoTime() % 9000 + 1000);
        deliver(
                s,
                WhatsAppIntegrationTest.textMessage(
                        s.phoneNumberId(), waId, "wamid.snooze-" + UUID.randomUUID(), "Not now, maybe next month"));
        String conversation = conversation(s);
        JsonNode scheduled = followUp(s, conversation, "SCHEDULED");
        java.time.Instant due = java.time.Instant.parse(scheduled.path("dueAt").asText());
        assertThat(Duration.between(java.time.Instant.now(), due).toHours()).isBetween(14L * 24 - 1, 14L * 24);
        assertThat(scheduled.path("reason").asText()).contains("not now").contains("14 days");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> leadStatus(s, conversation).equals("SNOOZED"));
        assertThat(aiReply(s, conversation, "NOT_WRITTEN").path("reason").asText())
                .contains("contacted later");

        // the day comes (moved to now): the follow-up is written under the approval rules, then sent on approval
        assertThat(scheduler.reschedule(
                        com.github.kagkarlsson.scheduler.task.TaskInstanceId.of(
                                "conversation-follow-up", scheduled.path("id").asText()),
                        java.time.Instant.now()))
                .isTrue();
        JsonNode written = followUp(s, conversation, "AWAITING_APPROVAL");
        String draftId = written.path("draftId").asText();
        JsonNode draft = api().get("/api/v1/drafts/" + draftId, t).expect(200).json();
        assertThat(draft.path("bodyText").asText()).startsWith("Hi Sheena, checking back about the gold ring.");
        assertThat(draft.path("status").asText()).isEqualTo("NEEDS_APPROVAL");
        api().post("/api/v1/drafts/" + draftId + "/approve", t, null).expect(200);
        followUp(s, conversation, "SENT");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> RecordingAdapters.sentFor(s.tenant()).size() == 1);
        assertThat(RecordingAdapters.sentFor(s.tenant()).get(0).message().body())
                .startsWith("Hi Sheena, checking back");
        assertThat(leadStatus(s, conversation)).isEqualTo("CONTACTED");
    }

    @Test
    void aReplyBeforeTheFollowUpIsDueCancelsIt() throws Exception {
        Shop s = shop();
        answer("We have sizes 5 to 9.", 0.9);
        String waId = "1650572" + (System.nanoTime() % 9000 + 1000);
        deliver(
                s,
                WhatsAppIntegrationTest.textMessage(
                        s.phoneNumberId(), waId, "wamid.busy-" + UUID.randomUUID(), "I'm busy this week, sorry"));
        String conversation = conversation(s);
        String id = followUp(s, conversation, "SCHEDULED").path("id").asText();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> leadStatus(s, conversation).equals("SNOOZED"));
        assertThat(scheduler.getScheduledExecution(
                        com.github.kagkarlsson.scheduler.task.TaskInstanceId.of("conversation-follow-up", id)))
                .isPresent();

        deliver(
                s,
                WhatsAppIntegrationTest.textMessage(
                        s.phoneNumberId(),
                        waId,
                        "wamid.wake-" + UUID.randomUUID(),
                        "Actually, which sizes are there?"));
        JsonNode cancelled = followUp(s, conversation, "CANCELLED");
        assertThat(cancelled.path("reason").asText()).contains("wrote again");
        assertThat(scheduler.getScheduledExecution(
                        com.github.kagkarlsson.scheduler.task.TaskInstanceId.of("conversation-follow-up", id)))
                .isEmpty();
        assertThat(leadStatus(s, conversation)).isEqualTo("REPLIED");
    }
}
