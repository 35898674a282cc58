package ai.revo.missioncontrol.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.revo.missioncontrol.conversations.ConversationFixture;
import ai.revo.missioncontrol.support.Api;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An approved template sent into a WhatsApp conversation ({@code POST /api/v1/conversations/{id}/template-messages})
 * against the Graph API stand-in: the request Meta receives, the rendered body in the thread, one send per
 * Idempotency-Key (also twice at once), the gateway's decision recorded in the thread as for a free-form reply
 * (dry run: SIMULATED), a closed conversation reopened, and every refusal answered in the API's error shape without
 * changing the conversation.
 */
class ConversationTemplateMessageTest extends WhatsAppIntegrationTest {

    /** A live workspace (dry run off, WHATSAPP on) on a business account of its own, and its conversation. */
    record Live(Workspace w, String waba, String waId, String conversationId) {
        String token() {
            return w.admin().accessToken();
        }
    }

    static final String SPRING_SALE = WhatsAppTemplateTest.template(
            "9101",
            "spring_sale",
            "APPROVED",
            "[{\"type\":\"BODY\",\"text\":\"Hi {{1}}, our spring sale starts {{2}}.\"}]");
    static final String HELLO =
            WhatsAppTemplateTest.template("9102", "hello", "APPROVED", "[{\"type\":\"BODY\",\"text\":\"Hello!\"}]");
    static final String PAUSED = WhatsAppTemplateTest.PAUSED;

    Live live() {
        Workspace w = connected();
        String waba = String.valueOf(200_000_000_000L + NUMBERS.incrementAndGet());
        api().put(
                        "/api/v1/settings/whatsapp",
                        w.admin().accessToken(),
                        Map.of(
                                "phoneNumberId",
                                w.phoneNumberId(),
                                "businessAccountId",
                                waba,
                                "displayNumber",
                                "+1 555 078 3881"))
                .expect(200);
        safety(w, false, true);
        GRAPH.stubFor(get(urlPathEqualTo("/v21.0/" + waba + "/message_templates"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"data\":[" + String.join(",", SPRING_SALE, HELLO, PAUSED) + "]}")));
        api().post("/api/v1/whatsapp/templates/sync", w.admin().accessToken(), null)
                .expect(200);
        GRAPH.stubFor(post(urlPathEqualTo("/v21.0/" + w.phoneNumberId() + "/messages"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"wamid.tpl-"
                                + UUID.randomUUID() + "\"}]}")));
        String waId = "1416556" + (System.nanoTime() % 9000 + 1000);
        deliverSigned(w, textMessage(w.phoneNumberId(), waId, "wamid.in-" + UUID.randomUUID(), "Hello, any news?"));
        String conversation = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> api().get(
                                        "/api/v1/conversations?channel=WHATSAPP",
                                        w.admin().accessToken())
                                .expect(200)
                                .json()
                                .path("data")
                                .path(0)
                                .path("id")
                                .asText(""),
                        id -> !id.isEmpty());
        return new Live(w, waba, waId, conversation);
    }

    void safety(Workspace w, boolean dryRun, boolean whatsapp) {
        api().patch(
                        "/api/v1/settings/safety",
                        w.admin().accessToken(),
                        Map.of("dryRunMode", dryRun, "channels", Map.of("WHATSAPP", whatsapp)))
                .expect(200);
    }

    Api.Response sendTemplate(Live l, String key, String name, String language, List<String> parameters) {
        return sendTemplate(l.token(), l.conversationId(), key, name, language, parameters);
    }

    Api.Response sendTemplate(
            String token, String conversationId, String key, String name, String language, List<String> parameters) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("templateName", name);
        body.put("language", language);
        body.put("parameters", parameters);
        return api().send(
                        "POST",
                        "/api/v1/conversations/" + conversationId + "/template-messages",
                        token,
                        body,
                        key == null ? Map.of() : Map.of("Idempotency-Key", key));
    }

    JsonNode thread(Live l) {
        return api().get("/api/v1/conversations/" + l.conversationId() + "/messages", l.token())
                .expect(200)
                .json()
                .path("data");
    }

    int graphSends(Live l) {
        return GRAPH.findAll(postRequestedFor(urlPathEqualTo("/v21.0/" + l.w().phoneNumberId() + "/messages")))
                .size();
    }

    /** The thread's message {@code id} once the gateway decided (no longer QUEUED). */
    JsonNode settled(Live l, String id) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            for (JsonNode m : thread(l)) {
                                if (m.path("id").asText().equals(id)) {
                                    return m;
                                }
                            }
                            return null;
                        },
                        m -> m != null && !m.path("status").asText().equals("QUEUED"));
    }

    String conversationStatus(Live l) {
        return api().get("/api/v1/conversations/" + l.conversationId(), l.token())
                .expect(200)
                .json()
                .path("status")
                .asText();
    }

    @Test
    void anApprovedTemplateIsQueuedGoesToMetaOnceAndAppearsRenderedInTheThread() throws Exception {
        Live l = live();
        JsonNode sent = sendTemplate(l, "tpl-1", "spring_sale", "en_US", List.of("Sheena", "Monday"))
                .expect(202)
                .json();
        assertThat(sent.path("direction").asText()).isEqualTo("OUTBOUND");
        assertThat(sent.path("type").asText()).isEqualTo("template");
        assertThat(sent.path("status").asText()).isEqualTo("QUEUED");
        assertThat(sent.path("text").asText()).isEqualTo("Hi Sheena, our spring sale starts Monday.");
        JsonNode delivered = settled(l, sent.path("id").asText());
        assertThat(delivered.path("status").asText()).isEqualTo("SENT");
        assertThat(delivered.path("providerMessageId").asText()).startsWith("wamid.tpl-");
        GRAPH.verify(
                1,
                postRequestedFor(urlPathEqualTo("/v21.0/" + l.w().phoneNumberId() + "/messages"))
                        .withHeader("Authorization", equalTo("Bearer EAAG-token-" + l.w().phoneNumberId()))
                        .withRequestBody(matchingJsonPath("$.messaging_product", equalTo("whatsapp")))
                        .withRequestBody(matchingJsonPath("$.to", equalTo(l.waId())))
                        .withRequestBody(matchingJsonPath("$.type", equalTo("template")))
                        .withRequestBody(matchingJsonPath("$.template.name", equalTo("spring_sale")))
                        .withRequestBody(matchingJsonPath("$.template.language.code", equalTo("en_US")))
                        .withRequestBody(matchingJsonPath("$.template.components[0].type", equalTo("body")))
                        .withRequestBody(
                                matchingJsonPath("$.template.components[0].parameters[0].type", equalTo("text")))
                        .withRequestBody(
                                matchingJsonPath("$.template.components[0].parameters[0].text", equalTo("Sheena")))
                        .withRequestBody(
                                matchingJsonPath("$.template.components[0].parameters[1].text", equalTo("Monday"))));

        // the same key again answers the first message and sends nothing more
        JsonNode again = sendTemplate(l, "tpl-1", "spring_sale", "en_US", List.of("Sheena", "Monday"))
                .expect(202)
                .json();
        assertThat(again.path("id").asText()).isEqualTo(sent.path("id").asText());
        assertThat(again.path("status").asText()).isEqualTo("SENT");
        assertThat(graphSends(l)).isEqualTo(1);
        // the same key for another template is a conflict
        sendTemplate(l, "tpl-1", "hello", "en_US", List.of()).expectError(409, "IDEMPOTENCY_CONFLICT");
        assertThat(graphSends(l)).isEqualTo(1);

        JsonNode thread = thread(l);
        assertThat(thread).hasSize(2);
        assertThat(thread.path(1).path("id").asText()).isEqualTo(sent.path("id").asText());
        assertThat(thread.path(1).path("text").asText()).isEqualTo("Hi Sheena, our spring sale starts Monday.");
        assertThat(thread.path(1).path("payload").asText()).contains("spring_sale");
        assertThat(conversationStatus(l)).isEqualTo("OPEN");

        // the same new key twice at once: one message in the thread, one send to Meta
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Api.Response>> both = pool.invokeAll(List.of(
                    () -> sendTemplate(l, "tpl-2", "hello", "en_US", null),
                    () -> sendTemplate(l, "tpl-2", "hello", "en_US", null)));
            JsonNode first = both.get(0).get().expect(202).json();
            JsonNode second = both.get(1).get().expect(202).json();
            assertThat(second.path("id").asText()).isEqualTo(first.path("id").asText());
            assertThat(settled(l, first.path("id").asText()).path("status").asText())
                    .isEqualTo("SENT");
        } finally {
            pool.shutdownNow();
        }
        assertThat(thread(l)).hasSize(3);
        assertThat(graphSends(l)).isEqualTo(2);
        // a template without parameters sends no components
        GRAPH.verify(
                1,
                postRequestedFor(urlPathEqualTo("/v21.0/" + l.w().phoneNumberId() + "/messages"))
                        .withRequestBody(matchingJsonPath("$.template.name", equalTo("hello")))
                        .withRequestBody(matchingJsonPath(
                                "$.template.components", com.github.tomakehurst.wiremock.client.WireMock.absent())));
    }

    @Test
    void theGatewaysDecisionIsRecordedInTheThreadAsForAFreeFormReply() {
        Live l = live();
        // channel off: recorded, then blocked by the gateway
        safety(l.w(), false, false);
        JsonNode off = sendTemplate(l, "g-1", "spring_sale", "en_US", List.of("Sheena", "Monday"))
                .expect(202)
                .json();
        assertThat(settled(l, off.path("id").asText()).path("status").asText()).isEqualTo("BLOCKED_CHANNEL_OFF");

        // dry run: the template is in the thread as SIMULATED, exactly like a free-form reply
        safety(l.w(), true, true);
        JsonNode dry = sendTemplate(l, "g-2", "spring_sale", "en_US", List.of("Sheena", "Monday"))
                .expect(202)
                .json();
        JsonNode simulated = settled(l, dry.path("id").asText());
        assertThat(simulated.path("status").asText()).isEqualTo("SIMULATED");
        assertThat(simulated.path("type").asText()).isEqualTo("template");
        assertThat(simulated.path("text").asText()).isEqualTo("Hi Sheena, our spring sale starts Monday.");
        JsonNode freeForm = api().send(
                        "POST",
                        "/api/v1/conversations/" + l.conversationId() + "/messages",
                        l.token(),
                        Map.of("text", "Hello Sheena"),
                        Map.of("Idempotency-Key", "g-3"))
                .expect(202)
                .json();
        JsonNode freeFormSimulated = settled(l, freeForm.path("id").asText());
        assertThat(freeFormSimulated.path("status").asText()).isEqualTo("SIMULATED");
        assertThat(simulated.path("error").asText())
                .isEqualTo(freeFormSimulated.path("error").asText())
                .isNotEmpty();

        assertThat(graphSends(l)).isZero();
        assertThat(thread(l)).hasSize(4);
    }

    @Test
    void aTemplateReopensAClosedConversationAsAFreeFormReplyDoes() {
        Live l = live();
        String id = l.conversationId();
        api().post("/api/v1/conversations/" + id + "/close", l.token(), null).expect(200);
        assertThat(conversationStatus(l)).isEqualTo("CLOSED");
        JsonNode sent = sendTemplate(l, "c-1", "spring_sale", "en_US", List.of("Sheena", "Monday"))
                .expect(202)
                .json();
        assertThat(conversationStatus(l)).isEqualTo("OPEN");
        assertThat(settled(l, sent.path("id").asText()).path("status").asText()).isEqualTo("SENT");

        api().post("/api/v1/conversations/" + id + "/close", l.token(), null).expect(200);
        JsonNode reply = api().send(
                        "POST",
                        "/api/v1/conversations/" + id + "/messages",
                        l.token(),
                        Map.of("text", "One more thing"),
                        Map.of("Idempotency-Key", "c-2"))
                .expect(202)
                .json();
        assertThat(conversationStatus(l)).isEqualTo("OPEN");
        assertThat(settled(l, reply.path("id").asText()).path("status").asText())
                .isEqualTo("SENT");
        assertThat(graphSends(l)).isEqualTo(2);
    }

    @Test
    void refusalsComeBackAsErrorsAndChangeNothing() throws Exception {
        Live l = live();
        String id = l.conversationId();
        sendTemplate(l, null, "spring_sale", "en_US", List.of("Sheena", "Monday"))
                .expectError(400, "VALIDATION_ERROR");
        sendTemplate(l, "r-1", "no_such_template", "en_US", List.of()).expectError(400, "VALIDATION_ERROR");
        JsonNode paused = sendTemplate(l, "r-2", "paused_promo", "en_US", List.of())
                .expectError(400, "VALIDATION_ERROR")
                .json();
        assertThat(paused.path("error").path("details").toString()).contains("templateName");
        JsonNode count = sendTemplate(l, "r-3", "spring_sale", "en_US", List.of("Sheena"))
                .expectError(400, "VALIDATION_ERROR")
                .json();
        assertThat(count.path("error").path("details").toString()).contains("parameters");
        assertThat(count.path("error").path("message").asText()
                        + count.path("error").path("details"))
                .contains("takes 2 parameter(s), 1 given");
        sendTemplate(l, "r-4", "spring_sale", "fr", List.of("Sheena", "Monday")).expectError(400, "VALIDATION_ERROR");
        sendTemplate(l, "r-5", "spring_sale", "en_US", List.of("Sheena", " ")).expectError(400, "VALIDATION_ERROR");
        sendTemplate(l.token(), UUID.randomUUID().toString(), "r-6", "spring_sale", "en_US", List.of("A", "B"))
                .expectError(404, "NOT_FOUND");

        // a conversation on email
        Api.Session other = api().signup();
        String email = ConversationFixture.conversation(api(), DATABASE, other);
        sendTemplate(other.accessToken(), email, "r-10", "spring_sale", "en_US", List.of("Sheena", "Monday"))
                .expectError(422, "UNPROCESSABLE");

        // a VIEWER may read but not send
        Api.Session viewer = api().addUser(l.w().admin(), "VIEWER");
        sendTemplate(viewer.accessToken(), id, "r-11", "spring_sale", "en_US", List.of("Sheena", "Monday"))
                .expect(403);

        // nothing reached Meta, the thread holds only the person's message, the conversation still waits
        assertThat(graphSends(l)).isZero();
        assertThat(thread(l)).hasSize(1);
        assertThat(conversationStatus(l)).isEqualTo("TO_ANSWER");
    }
}
