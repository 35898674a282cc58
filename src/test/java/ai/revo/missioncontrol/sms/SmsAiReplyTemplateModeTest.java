package ai.revo.missioncontrol.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** Without a model the AI writes no SMS reply and says so plainly: no canned text ever answers a person. */
class SmsAiReplyTemplateModeTest extends SmsIntegrationTest {

    @Test
    void withoutAModelAnSmsGetsNoReplyAndTheReasonSaysSo() {
        Workspace w = connected();
        String t = w.admin().accessToken();
        String phone =
                "+1415557" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
        String campaign = api().post("/api/v1/campaigns", t, Map.of("name", "SMS " + UUID.randomUUID()))
                .expect(201)
                .json()
                .path("id")
                .asText();
        api().post(
                        "/api/v1/leads",
                        t,
                        Map.of(
                                "campaignId",
                                campaign,
                                "contact",
                                Map.of("phone", phone, "email", ai.revo.missioncontrol.support.Api.uniqueEmail("sms"))))
                .expect(201);
        api().put("/api/v1/campaigns/" + campaign + "/conversation-settings", t, Map.of("smsAutoReply", true))
                .expect(200);
        String sid = messageSid();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("MessageSid", sid);
        p.put("SmsSid", sid);
        p.put("SmsStatus", "received");
        p.put("NumMedia", "0");
        p.put("Body", "Is the ring in stock?");
        p.put("To", "+15005550006");
        p.put("From", phone);
        p.put("AccountSid", w.accountSid());
        p.put("ApiVersion", "2010-04-01");
        assertThat(postForm(localUrl(w), p, sign(w.authToken(), localUrl(w), p)).statusCode())
                .isEqualTo(200);
        String conversation = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> api().get("/api/v1/conversations?channel=SMS", t)
                                .expect(200)
                                .json()
                                .path("data")
                                .path(0)
                                .path("id")
                                .asText(""),
                        id -> !id.isEmpty());
        JsonNode reply = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            var r = api().get("/api/v1/conversations/" + conversation + "/ai-reply", t);
                            return r.status() == 200 ? r.json() : null;
                        },
                        r -> r != null && !r.path("status").asText().isEmpty());
        assertThat(reply.path("status").asText()).isEqualTo("NOT_WRITTEN");
        assertThat(reply.path("reason").asText())
                .isEqualTo("No reply written: no language model is configured (MC_LLM_BASE_URL is empty), and the AI"
                        + " does not answer people with a canned template. Answer the person yourself.");
        assertThat(reply.path("draftId").isNull()).isTrue();
        assertThat(api().get("/api/v1/approvals/inbox", t).expect(200).json().path("data"))
                .isEmpty();
        assertThat(api().get("/api/v1/conversations/" + conversation + "/messages", t)
                        .expect(200)
                        .json()
                        .path("data"))
                .hasSize(1);
        assertThat(api().get("/api/v1/outbound?channel=SMS", t)
                        .expect(200)
                        .json()
                        .path("data"))
                .isEmpty();
    }
}
