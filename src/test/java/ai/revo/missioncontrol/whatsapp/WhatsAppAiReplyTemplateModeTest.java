package ai.revo.missioncontrol.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.revo.missioncontrol.support.Api;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Without a model the AI writes no reply and says so (no canned template answers a person); a conversation a person
 * took over and a person who said STOP get no reply either, each with its reason.
 */
class WhatsAppAiReplyTemplateModeTest extends WhatsAppIntegrationTest {

    String conversation(Workspace w) {
        return await().atMost(Duration.ofSeconds(30))
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
    }

    JsonNode aiReply(Workspace w, String conversation, String messageText) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            Api.Response r = api().get(
                                            "/api/v1/conversations/" + conversation + "/ai-reply",
                                            w.admin().accessToken());
                            return r.status() == 200 ? r.json() : null;
                        },
                        r -> r != null && r.path("reason").asText().contains(messageText));
    }

    @Test
    void withoutAModelNoReplyIsWrittenAndTheConversationSaysSo() {
        Workspace w = connected();
        String waId = "1650561" + (System.nanoTime() % 9000 + 1000);
        deliverSigned(
                w, textMessage(w.phoneNumberId(), waId, "wamid.nomodel-" + UUID.randomUUID(), "Is the ring in stock?"));
        String conversation = conversation(w);
        JsonNode reply = aiReply(w, conversation, "no language model is configured");
        assertThat(reply.path("status").asText()).isEqualTo("NOT_WRITTEN");
        assertThat(reply.path("draftId").isNull()).isTrue();
        assertThat(api().get("/api/v1/approvals/inbox", w.admin().accessToken())
                        .expect(200)
                        .json()
                        .path("data"))
                .isEmpty();

        api().post(
                        "/api/v1/conversations/" + conversation + "/takeover",
                        w.admin().accessToken(),
                        null)
                .expect(200);
        deliverSigned(
                w, textMessage(w.phoneNumberId(), waId, "wamid.human-" + UUID.randomUUID(), "Hello? Anyone there?"));
        JsonNode human = aiReply(w, conversation, "took the conversation over");
        assertThat(human.path("status").asText()).isEqualTo("NOT_WRITTEN");
    }

    @Test
    void aPersonWhoSaidStopGetsNoReply() {
        Workspace w = connected();
        String waId = "1650562" + (System.nanoTime() % 9000 + 1000);
        deliverSigned(w, textMessage(w.phoneNumberId(), waId, "wamid.stopai-" + UUID.randomUUID(), "STOP"));
        String conversation = conversation(w);
        JsonNode reply = aiReply(w, conversation, "DND");
        assertThat(reply.path("status").asText()).isEqualTo("NOT_WRITTEN");
    }
}
