package ai.revo.missioncontrol.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Meta's webhook: the handshake, the signature matrix, storing and processing each message once. */
class WhatsAppWebhookTest extends WhatsAppIntegrationTest {

    long events(Workspace w) {
        return db().sql("select count(*) from whatsapp_webhook_events where tenant_id = cast(? as uuid)")
                .param(w.admin().tenantId())
                .query(Long.class)
                .single();
    }

    @Test
    void answersTheSubscriptionChallengeOnlyForAConnectedVerifyToken() {
        Workspace w = connected();
        HttpResponse<String> ok = getPlain("/api/v1/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token="
                + w.verifyToken() + "&hub.challenge=1158201444");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("1158201444");
        assertThat(ok.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(getPlain("/api/v1/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=wrong-token-xyz"
                                + "&hub.challenge=1")
                        .statusCode())
                .isEqualTo(403);
        assertThat(getPlain("/api/v1/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1")
                        .statusCode())
                .isEqualTo(400);
        assertThat(getPlain("/api/v1/webhooks/whatsapp?hub.verify_token=" + w.verifyToken())
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void refusesEveryDeliveryWhoseSignatureIsMissingMalformedWrongOrTampered() {
        Workspace w = connected();
        String body = textMessage(w.phoneNumberId(), "16505551234", "wamid.sig-" + UUID.randomUUID(), "Hello");
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        String good = signature(w.appSecret(), raw);
        assertThat(deliver(raw, null).statusCode()).isEqualTo(403);
        assertThat(deliver(raw, "sha256=not-hex").statusCode()).isEqualTo(403);
        assertThat(deliver(raw, good.substring("sha256=".length())).statusCode())
                .isEqualTo(403);
        assertThat(deliver(raw, "sha1=" + good.substring("sha256=".length())).statusCode())
                .isEqualTo(403);
        assertThat(deliver(raw, signature("another-apps-secret", raw)).statusCode())
                .isEqualTo(403);
        byte[] tampered = body.replace("Hello", "Hellp").getBytes(StandardCharsets.UTF_8);
        assertThat(deliver(tampered, good).statusCode()).isEqualTo(403);
        assertThat(events(w)).isZero();

        HttpResponse<String> accepted = deliver(raw, good);
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(events(w)).isEqualTo(1);
        // upper-case hex is the same signature
        assertThat(deliver(raw, "sha256=" + good.substring(7).toUpperCase()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void refusesBodiesOverOneMegabyte() {
        Workspace w = connected();
        String big = textMessage(w.phoneNumberId(), "16505551234", "wamid.big", "x".repeat(1024 * 1024));
        byte[] raw = big.getBytes(StandardCharsets.UTF_8);
        assertThat(deliver(raw, signature(w.appSecret(), raw)).statusCode()).isEqualTo(413);
        assertThat(events(w)).isZero();
    }

    @Test
    void aNewSenderBecomesAContactAndANewLeadAndTheirMessageAConversation() {
        Workspace w = connected();
        String waId = "1650555" + (System.nanoTime() % 9000 + 1000);
        assertThat(deliverSigned(
                                w,
                                textMessage(
                                        w.phoneNumberId(),
                                        waId,
                                        "wamid.first-" + UUID.randomUUID(),
                                        "Does it come in another color?"))
                        .statusCode())
                .isEqualTo(200);
        JsonNode conversation = awaitConversation(w);
        assertThat(conversation.path("channel").asText()).isEqualTo("WHATSAPP");
        assertThat(conversation.path("phoneNumber").asText()).isEqualTo("+" + waId);
        assertThat(conversation.path("status").asText()).isEqualTo("TO_ANSWER");
        assertThat(conversation.path("unread").asBoolean()).isTrue();
        assertThat(conversation.path("windowEndsAt").isTextual()).isTrue();
        String leadId = conversation.path("leadId").asText();
        JsonNode lead = api().get("/api/v1/leads/" + leadId, w.admin().accessToken())
                .expect(200)
                .json();
        assertThat(lead.path("status").asText()).isEqualTo("NEW");
        assertThat(lead.path("campaignId").asText()).isEqualTo(w.campaignId());
        JsonNode contact = api().get(
                        "/api/v1/contacts/" + conversation.path("contactId").asText(),
                        w.admin().accessToken())
                .expect(200)
                .json();
        assertThat(contact.path("phone").asText()).isEqualTo("+" + waId);
        assertThat(contact.path("source").asText()).isEqualTo("WHATSAPP");
        assertThat(contact.path("firstName").asText()).isEqualTo("Sheena Nelson");
        JsonNode messages = api().get(
                        "/api/v1/conversations/" + conversation.path("id").asText() + "/messages",
                        w.admin().accessToken())
                .expect(200)
                .json()
                .path("data");
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).path("direction").asText()).isEqualTo("INBOUND");
        assertThat(messages.get(0).path("text").asText()).isEqualTo("Does it come in another color?");
        assertThat(messages.get(0).path("providerMessageId").asText()).startsWith("wamid.first-");
        // the channel filter
        assertThat(api().get("/api/v1/conversations?channel=EMAIL", w.admin().accessToken())
                        .expect(200)
                        .json()
                        .path("data"))
                .isEmpty();
    }

    @Test
    void theSameMessageDeliveredTwiceAtOnceIsProcessedOnce() {
        Workspace w = connected();
        String wamid = "wamid.twice-" + UUID.randomUUID();
        String body = textMessage(w.phoneNumberId(), "16505550001", wamid, "Hi there");
        List<CompletableFuture<HttpResponse<String>>> both = List.of(
                CompletableFuture.supplyAsync(() -> deliverSigned(w, body)),
                CompletableFuture.supplyAsync(() -> deliverSigned(w, body)));
        both.forEach(f -> assertThat(f.join().statusCode()).isEqualTo(200));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> db().sql("select count(*) from whatsapp_webhook_events where tenant_id = cast(? as uuid)"
                                        + " and status = 'PROCESSED'")
                                .param(w.admin().tenantId())
                                .query(Long.class)
                                .single()
                        == 2);
        JsonNode conversation = awaitConversation(w);
        assertThat(api().get(
                                "/api/v1/conversations/"
                                        + conversation.path("id").asText() + "/messages",
                                w.admin().accessToken())
                        .expect(200)
                        .json()
                        .path("data"))
                .hasSize(1);
        assertThat(db().sql("select count(*) from whatsapp_inbound_messages where provider_message_id = ?")
                        .param(wamid)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aStopReplyMakesTheLeadDndAndSuppressesTheNumber() {
        Workspace w = connected();
        String waId = "1650556" + (System.nanoTime() % 9000 + 1000);
        deliverSigned(w, textMessage(w.phoneNumberId(), waId, "wamid.stop-" + UUID.randomUUID(), "Please STOP."));
        JsonNode conversation = awaitConversation(w);
        String leadId = conversation.path("leadId").asText();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api().get("/api/v1/leads/" + leadId, w.admin().accessToken())
                        .expect(200)
                        .json()
                        .path("status")
                        .asText()
                        .equals("DND"));
        assertThat(api().get("/api/v1/suppressions?channel=WHATSAPP", w.admin().accessToken())
                        .expect(200)
                        .body())
                .contains(waId);
        assertThat(db().sql("select count(*) from events where tenant_id = cast(? as uuid)"
                                + " and type = 'whatsapp.safety_triggered'")
                        .param(w.admin().tenantId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aVeryAngryMessageIsCaughtBySentimentAndAStopwatchIsNotAStop() {
        Workspace w = connected();
        deliverSigned(
                w,
                textMessage(
                        w.phoneNumberId(),
                        "16505557001",
                        "wamid.fine-" + UUID.randomUUID(),
                        "I love the stopwatch you sent, thank you!"));
        deliverSigned(
                w,
                textMessage(
                        w.phoneNumberId(),
                        "16505557002",
                        "wamid.angry-" + UUID.randomUUID(),
                        "This is horrible, you are awful and I hate this terrible scam"));
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        db().sql("select count(*) from whatsapp_inbound_messages where tenant_id = cast(? as uuid)")
                                        .param(w.admin().tenantId())
                                        .query(Long.class)
                                        .single()
                                == 2);
        assertThat(db().sql("select provider_message_id, outcome from whatsapp_inbound_messages"
                                + " where tenant_id = cast(? as uuid) order by provider_message_id")
                        .param(w.admin().tenantId())
                        .query((rs, n) -> rs.getString(1).substring(6, 10) + ":" + rs.getString(2))
                        .list())
                .containsExactly("angr:SAFETY", "fine:FILED");
    }

    JsonNode awaitConversation(Workspace w) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> api().get(
                                        "/api/v1/conversations?channel=WHATSAPP",
                                        w.admin().accessToken())
                                .expect(200)
                                .json()
                                .path("data")
                                .path(0),
                        n -> !n.isMissingNode());
    }
}
