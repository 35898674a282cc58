package ai.revo.missioncontrol.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.revo.missioncontrol.ai.LlmGateway;
import ai.revo.missioncontrol.ai.LlmTestAccess;
import ai.revo.missioncontrol.outbound.RecordingAdapters;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.LlmIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The WhatsApp simulator against the real reply pipeline with a model (a fake OpenAI-compatible server): the reply is
 * written by the same responder from the campaign's persona and catalogue, goes through the checks, the gate and the
 * approval inbox, and whatever is sent is recorded as SIMULATED by the gateway, with dry run off and the channel on:
 * nothing reaches the WhatsApp adapter. The session stays out of the inbox, and deleting it removes it.
 */
class WhatsAppSimulatorTest extends LlmIntegrationTest {

    @Autowired
    LlmGateway gateway;

    @BeforeEach
    void fresh() {
        SERVER.resetAll();
        LlmTestAccess.resetCircuit(gateway);
    }

    /** A workspace with a connected number bound to a campaign, dry run off, WhatsApp on, one product. */
    WhatsAppAiReplyTest.Shop shop() {
        Api api = api();
        Api.Session admin = api.signup();
        String t = admin.accessToken();
        String campaign = api.post("/api/v1/campaigns", t, Map.of("name", "Rings " + java.util.UUID.randomUUID()))
                .expect(201)
                .json()
                .path("id")
                .asText();
        String phoneNumberId = String.valueOf(300_000_000_000L + System.nanoTime() % 1_000_000_000L);
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
                                "app-secret-" + phoneNumberId,
                                "verifyToken",
                                "verify-" + phoneNumberId,
                                "campaignId",
                                campaign))
                .expect(200);
        api.patch("/api/v1/settings/safety", t, Map.of("dryRunMode", false, "channels", Map.of("WHATSAPP", true)))
                .expect(200);
        RecordingAdapters.configure(ai.revo.missioncontrol.identity.TenantId.of(admin.tenantId()));
        api.post(
                        "/api/v1/products",
                        t,
                        Map.of(
                                "name", "Aurora Gold Ring",
                                "description", "A slim 18k gold ring with one small diamond",
                                "price", Map.of("amount", 499, "currency", "USD"),
                                "availability", "IN_STOCK"))
                .expect(201);
        return new WhatsAppAiReplyTest.Shop(admin, campaign, phoneNumberId, "app-secret-" + phoneNumberId);
    }

    JsonNode session(String token, String id) {
        return api().get("/api/v1/whatsapp/simulator/sessions/" + id, token)
                .expect(200)
                .json();
    }

    JsonNode waitFor(String token, String id, int entry, String aiStatus) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> session(token, id),
                        s -> s.path("transcript")
                                .path(entry)
                                .path("ai")
                                .path("status")
                                .asText()
                                .equals(aiStatus));
    }

    @Test
    void theSimulatedCustomerGetsTheRealPipelinesReplyAndNothingLeaves() throws Exception {
        WhatsAppAiReplyTest.Shop s = shop();
        String t = s.admin().accessToken();
        WhatsAppAiReplyTest.answer("Yes, the Aurora Gold Ring is 499 USD and in stock. Shall I reserve one?", 0.9);

        JsonNode started = api().post("/api/v1/whatsapp/simulator/sessions", t, Map.of("campaignId", s.campaignId()))
                .expect(201)
                .json();
        String id = started.path("id").asText();
        assertThat(started.path("simulated").asBoolean()).isTrue();
        assertThat(started.path("campaignId").asText()).isEqualTo(s.campaignId());

        api().post(
                        "/api/v1/whatsapp/simulator/sessions/" + id + "/messages",
                        t,
                        Map.of("text", "Do you have a gold ring?"))
                .expect(202);
        JsonNode waiting = waitFor(t, id, 0, "AWAITING_APPROVAL");
        JsonNode first = waiting.path("transcript").path(0);
        assertThat(first.path("direction").asText()).isEqualTo("INBOUND");
        assertThat(first.path("safety").path("unsafe").asBoolean()).isFalse();
        assertThat(first.path("ai").path("replyText").asText()).startsWith("Yes, the Aurora Gold Ring is 499 USD");
        assertThat(first.path("ai").path("confidence").isNumber()).isTrue(); // the gate's blended confidence
        assertThat(first.path("ai").path("checksPassed").asBoolean()).isTrue();
        assertThat(first.path("ai").path("reason").asText()).contains("auto-reply is off");
        // the model was asked by the real responder, with the catalogue's product found by meaning
        String prompt = SERVER.findAll(
                        postRequestedFor(urlEqualTo(PATH)).withRequestBody(containing("Do you have a gold ring?")))
                .get(0)
                .getBodyAsString();
        assertThat(prompt).contains("Aurora Gold Ring | 499 USD");

        String draftId = first.path("ai").path("draftId").asText();
        api().post("/api/v1/drafts/" + draftId + "/approve", t, null).expect(200);
        JsonNode sent = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> session(t, id),
                        x -> x.path("transcript").size() == 2
                                && x.path("transcript")
                                        .path(1)
                                        .path("status")
                                        .asText()
                                        .equals("SIMULATED"));
        assertThat(sent.path("transcript").path(1).path("direction").asText()).isEqualTo("OUTBOUND");
        assertThat(sent.path("transcript").path(1).path("statusReason").asText())
                .contains("Simulator");
        assertThat(sent.path("transcript").path(0).path("ai").path("status").asText())
                .isEqualTo("SENT");
        assertThat(RecordingAdapters.sentFor(s.tenant())).isEmpty(); // dry run is off, the channel on: still nothing

        // a STOP gets no reply and changes nobody
        api().post("/api/v1/whatsapp/simulator/sessions/" + id + "/messages", t, Map.of("text", "STOP writing to me"))
                .expect(202);
        JsonNode stopped = waitFor(t, id, 2, "NOT_WRITTEN");
        assertThat(stopped.path("transcript")
                        .path(2)
                        .path("safety")
                        .path("keyword")
                        .asText())
                .isEqualTo("STOP");
        assertThat(stopped.path("transcript").path(2).path("ai").path("reason").asText())
                .contains("safety check");
        assertThat(api().get("/api/v1/suppressions", t).body()).doesNotContain("Simulator");

        // kept out of the inbox
        assertThat(api().get("/api/v1/conversations?channel=WHATSAPP", t)
                        .expect(200)
                        .json()
                        .path("data")
                        .size())
                .isZero();
        assertThat(api().get("/api/v1/whatsapp/simulator/sessions", t)
                        .expect(200)
                        .body())
                .contains(id);

        api().delete("/api/v1/whatsapp/simulator/sessions/" + id, t).expect(204);
        api().get("/api/v1/whatsapp/simulator/sessions/" + id, t).expect(404);
        assertThat(api().get("/api/v1/conversations/" + id, t).status()).isEqualTo(404);
        assertThat(RecordingAdapters.sentFor(s.tenant())).isEmpty();
    }

    @Test
    void badInputIsRefusedAndNothingChanges() {
        Api.Session admin = api().signup();
        String t = admin.accessToken();
        api().post(
                        "/api/v1/whatsapp/simulator/sessions",
                        t,
                        Map.of("campaignId", "00000000-0000-0000-0000-000000000001"))
                .expect(400);
        String id = api().post("/api/v1/whatsapp/simulator/sessions", t, Map.of())
                .expect(201)
                .json()
                .path("id")
                .asText();
        api().post("/api/v1/whatsapp/simulator/sessions/" + id + "/messages", t, Map.of("text", "  "))
                .expect(400);
        api().post("/api/v1/whatsapp/simulator/sessions/" + id + "/messages", t, Map.of("text", "x".repeat(4097)))
                .expect(400);
        assertThat(session(t, id).path("transcript").size()).isZero();
        // no campaign, no persona: the AI says so plainly
        api().post("/api/v1/whatsapp/simulator/sessions/" + id + "/messages", t, Map.of("text", "Hello there"))
                .expect(202);
        assertThat(waitFor(t, id, 0, "NOT_WRITTEN")
                        .path("transcript")
                        .path(0)
                        .path("ai")
                        .path("reason")
                        .asText())
                .contains("belongs to no campaign");
    }
}
