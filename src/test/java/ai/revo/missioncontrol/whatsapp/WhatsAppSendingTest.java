package ai.revo.missioncontrol.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.outbound.OutboundGateway;
import ai.revo.missioncontrol.outbound.OutboundMessage;
import ai.revo.missioncontrol.outbound.OutboundStatus;
import ai.revo.missioncontrol.outbound.OutboundView;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.safety.Channel;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Sending on WhatsApp through the gateway: the window, templates, receipts and Meta's error table. */
class WhatsAppSendingTest extends WhatsAppIntegrationTest {

    @Autowired
    OutboundGateway gateway;

    /** A connected workspace sending for real (dry run off, WHATSAPP on) and a person who wrote just now. */
    record Live(Workspace w, String waId, String conversationId) {
        TenantId tenant() {
            return TenantId.of(w.admin().tenantId());
        }
    }

    Live live() {
        Workspace w = connected();
        api().patch(
                        "/api/v1/settings/safety",
                        w.admin().accessToken(),
                        Map.of("dryRunMode", false, "channels", Map.of("WHATSAPP", true)))
                .expect(200);
        String waId = "1416555" + (System.nanoTime() % 9000 + 1000);
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
        return new Live(w, waId, conversation);
    }

    void accept(String phoneNumberId, String wamid) {
        GRAPH.stubFor(post(urlPathEqualTo("/v21.0/" + phoneNumberId + "/messages"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"x\",\"wa_id\":\"x\"}],"
                                        + "\"messages\":[{\"id\":\"" + wamid + "\"}]}")));
    }

    static String error(int code, String title) {
        return "{\"error\":{\"message\":\"(#" + code + ") " + title + "\",\"type\":\"OAuthException\",\"code\":" + code
                + ",\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":\"" + title + " details\"},"
                + "\"fbtrace_id\":\"AbCd\"}}";
    }

    void refuse(String phoneNumberId, int http, int code, String title) {
        GRAPH.stubFor(post(urlPathEqualTo("/v21.0/" + phoneNumberId + "/messages"))
                .willReturn(aResponse()
                        .withStatus(http)
                        .withHeader("Content-Type", "application/json")
                        .withBody(error(code, title))));
    }

    OutboundView text(Live l, String key) {
        return gateway.submit(
                l.tenant(),
                new OutboundMessage(
                        Channel.WHATSAPP,
                        "+" + l.waId(),
                        null,
                        "Thanks for writing",
                        null,
                        null,
                        null,
                        key,
                        Actor.system()));
    }

    @Test
    void anOperatorReplyGoesOutThroughTheGatewayAndReceiptsMoveItOn() {
        Live l = live();
        String wamid = "wamid.out-" + UUID.randomUUID();
        accept(l.w().phoneNumberId(), wamid);
        api().send(
                        "POST",
                        "/api/v1/conversations/" + l.conversationId() + "/messages",
                        l.w().admin().accessToken(),
                        Map.of("text", "We have it in gold too"),
                        Map.of())
                .expectError(400, "VALIDATION_ERROR");
        JsonNode queued = api().send(
                        "POST",
                        "/api/v1/conversations/" + l.conversationId() + "/messages",
                        l.w().admin().accessToken(),
                        Map.of("text", "We have it in gold too"),
                        Map.of("Idempotency-Key", "reply-1"))
                .expect(202)
                .json();
        assertThat(queued.path("direction").asText()).isEqualTo("OUTBOUND");
        JsonNode sent = awaitMessage(l, queued.path("id").asText(), "SENT");
        assertThat(sent.path("providerMessageId").asText()).isEqualTo(wamid);
        GRAPH.verify(postRequestedFor(urlPathEqualTo("/v21.0/" + l.w().phoneNumberId() + "/messages"))
                .withRequestBody(
                        matchingJsonPath("$.type", com.github.tomakehurst.wiremock.client.WireMock.equalTo("text")))
                .withRequestBody(
                        matchingJsonPath("$.to", com.github.tomakehurst.wiremock.client.WireMock.equalTo(l.waId())))
                .withRequestBody(matchingJsonPath(
                        "$.text.body",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo("We have it in gold too"))));
        // the same key again sends nothing more
        api().send(
                        "POST",
                        "/api/v1/conversations/" + l.conversationId() + "/messages",
                        l.w().admin().accessToken(),
                        Map.of("text", "We have it in gold too"),
                        Map.of("Idempotency-Key", "reply-1"))
                .expect(202);

        String statuses = envelope(
                l.w().phoneNumberId(),
                "\"statuses\":[{\"id\":\"" + wamid + "\",\"status\":\"delivered\",\"timestamp\":\""
                        + (System.currentTimeMillis() / 1000) + "\",\"recipient_id\":\"" + l.waId() + "\","
                        + "\"conversation\":{\"id\":\"c1\",\"origin\":{\"type\":\"service\"}},"
                        + "\"pricing\":{\"billable\":true,\"pricing_model\":\"CBP\",\"category\":\"service\"}}]");
        deliverSigned(l.w(), statuses);
        awaitMessage(l, queued.path("id").asText(), "DELIVERED");
        deliverSigned(l.w(), statuses.replace("\"delivered\"", "\"read\""));
        awaitMessage(l, queued.path("id").asText(), "READ");
        // a late delivered never undoes read
        deliverSigned(l.w(), statuses);
        await().pollDelay(Duration.ZERO).atMost(Duration.ofSeconds(30)).until(() -> processedAll(l));
        assertThat(message(l, queued.path("id").asText()).path("status").asText())
                .isEqualTo("READ");
        assertThat(GRAPH.findAll(postRequestedFor(urlPathEqualTo("/v21.0/" + l.w().phoneNumberId() + "/messages"))))
                .hasSize(1);

        // take over and hand back
        JsonNode taken = api().post(
                        "/api/v1/conversations/" + l.conversationId() + "/takeover",
                        l.w().admin().accessToken(),
                        null)
                .expect(200)
                .json();
        assertThat(taken.path("status").asText()).isEqualTo("HUMAN");
        assertThat(taken.path("assigneeId").asText()).isEqualTo(l.w().admin().userId());
        assertThat(api().post(
                                "/api/v1/conversations/" + l.conversationId() + "/handback",
                                l.w().admin().accessToken(),
                                null)
                        .expect(200)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("OPEN");
        api().post(
                        "/api/v1/conversations/" + l.conversationId() + "/handback",
                        l.w().admin().accessToken(),
                        null)
                .expectError(409, "CONFLICT");
    }

    @Test
    void aFailedReceiptFailsTheMessageWithMetasError() {
        Live l = live();
        String wamid = "wamid.fail-" + UUID.randomUUID();
        accept(l.w().phoneNumberId(), wamid);
        assertThat(text(l, "k-" + UUID.randomUUID()).status()).isEqualTo(OutboundStatus.SENT);
        deliverSigned(
                l.w(),
                envelope(
                        l.w().phoneNumberId(),
                        "\"statuses\":[{\"id\":\"" + wamid + "\",\"status\":\"failed\",\"timestamp\":\"1749416383\","
                                + "\"recipient_id\":\"" + l.waId()
                                + "\",\"errors\":[{\"code\":131026,\"title\":\"Message"
                                + " undeliverable\",\"message\":\"Message undeliverable\",\"error_data\":{\"details\":"
                                + "\"Message Undeliverable.\"}}]}]"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> db().sql("select status || ' ' || coalesce(delivery_error, '') from outbound_messages"
                                + " where provider_message_id = ?")
                        .param(wamid)
                        .query(String.class)
                        .single()
                        .startsWith("FAILED WhatsApp error 131026"));
    }

    @Test
    void freeTextOutsideTheWindowIsRefusedButATemplateGoes() {
        Live l = live();
        accept(l.w().phoneNumberId(), "wamid.tpl-" + UUID.randomUUID());
        OutboundView stranger = gateway.submit(
                l.tenant(),
                new OutboundMessage(
                        Channel.WHATSAPP,
                        "+14165559999",
                        null,
                        "Hello stranger",
                        null,
                        null,
                        null,
                        "k-" + UUID.randomUUID(),
                        Actor.system()));
        assertThat(stranger.status()).isEqualTo(OutboundStatus.BLOCKED_OUTSIDE_WINDOW);
        db().sql("update whatsapp_senders set last_inbound_at = now() - interval '25 hours' where wa_id = ?")
                .param(l.waId())
                .update();
        assertThat(text(l, "k-" + UUID.randomUUID()).status()).isEqualTo(OutboundStatus.BLOCKED_OUTSIDE_WINDOW);
        // only a synced APPROVED template goes (counted against its placeholders)
        GRAPH.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        urlPathEqualTo("/v21.0/102290129340398/message_templates"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"data\":[{\"name\":\"spring_sale\",\"components\":[{\"type\":\"BODY\","
                                + "\"text\":\"Hi {{1}}, the spring sale is on\"}],\"language\":\"en_US\","
                                + "\"status\":\"APPROVED\",\"category\":\"MARKETING\",\"id\":\"77\"}]}")));
        api().post("/api/v1/whatsapp/templates/sync", l.w().admin().accessToken(), null)
                .expect(200);
        OutboundView template = gateway.submit(
                l.tenant(),
                new OutboundMessage(
                        Channel.WHATSAPP,
                        "+" + l.waId(),
                        null,
                        "Template spring_sale (en_US): Sheena",
                        null,
                        null,
                        null,
                        "k-" + UUID.randomUUID(),
                        Actor.system(),
                        null,
                        new OutboundMessage.WhatsAppParts("spring_sale", "en_US", List.of("Sheena"))));
        assertThat(template.status()).isEqualTo(OutboundStatus.SENT);
        GRAPH.verify(postRequestedFor(urlPathEqualTo("/v21.0/" + l.w().phoneNumberId() + "/messages"))
                .withRequestBody(matchingJsonPath(
                        "$.template.name", com.github.tomakehurst.wiremock.client.WireMock.equalTo("spring_sale")))
                .withRequestBody(matchingJsonPath(
                        "$.template.components[0].parameters[0].text",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo("Sheena"))));
    }

    @Test
    void metasErrorsEachHaveTheirOutcome() {
        Live l = live();
        String p = l.w().phoneNumberId();

        refuse(p, 400, 131047, "Re-engagement message");
        assertThat(text(l, "k-131047").status()).isEqualTo(OutboundStatus.BLOCKED_OUTSIDE_WINDOW);

        refuse(p, 400, 131026, "Message undeliverable");
        OutboundView unreachable = text(l, "k-131026");
        assertThat(unreachable.status()).isEqualTo(OutboundStatus.FAILED);
        assertThat(unreachable.reason()).contains("cannot be reached").contains("131026");

        for (int code : List.of(132000, 132001, 132015, 132016)) {
            refuse(p, 400, code, "Template problem");
            OutboundView t = text(l, "k-" + code);
            assertThat(t.status()).isEqualTo(OutboundStatus.FAILED);
            assertThat(t.reason()).contains("not retried").contains(String.valueOf(code));
        }

        // 130429: backs off and tries again
        GRAPH.stubFor(post(urlPathEqualTo("/v21.0/" + p + "/messages"))
                .inScenario("throughput")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(400).withBody(error(130429, "Rate limit hit")))
                .willSetStateTo("retried"));
        GRAPH.stubFor(post(urlPathEqualTo("/v21.0/" + p + "/messages"))
                .inScenario("throughput")
                .whenScenarioStateIs("retried")
                .willReturn(aResponse().withBody("{\"messages\":[{\"id\":\"wamid.after-backoff\"}]}")));
        OutboundView retried = text(l, "k-130429");
        assertThat(retried.status()).isEqualTo(OutboundStatus.SENT);
        assertThat(retried.providerMessageId()).isEqualTo("wamid.after-backoff");

        // 131056: waits at least 6 s for that recipient, then tries again
        GRAPH.resetScenarios();
        GRAPH.stubFor(post(urlPathEqualTo("/v21.0/" + p + "/messages"))
                .inScenario("pair")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(400).withBody(error(131056, "Pair rate limit hit")))
                .willSetStateTo("waited"));
        GRAPH.stubFor(post(urlPathEqualTo("/v21.0/" + p + "/messages"))
                .inScenario("pair")
                .whenScenarioStateIs("waited")
                .willReturn(aResponse().withBody("{\"messages\":[{\"id\":\"wamid.after-pair\"}]}")));
        long started = System.nanoTime();
        OutboundView paired = text(l, "k-131056");
        assertThat(paired.status()).isEqualTo(OutboundStatus.SENT);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(6));

        // 131048: spam rate → FAILED and the campaign paused
        api().post(
                        "/api/v1/campaigns/" + l.w().campaignId() + "/activate",
                        l.w().admin().accessToken(),
                        null);
        refuse(p, 400, 131048, "Spam rate limit hit");
        OutboundView spam = gateway.submit(
                l.tenant(),
                new OutboundMessage(
                        Channel.WHATSAPP,
                        "+" + l.waId(),
                        null,
                        "Thanks",
                        UUID.fromString(l.w().campaignId()),
                        null,
                        null,
                        "k-131048",
                        Actor.system()));
        assertThat(spam.status()).isEqualTo(OutboundStatus.FAILED);
        assertThat(spam.reason()).contains("131048");

        // 190: token expired → not configured from now on
        refuse(p, 401, 190, "Error validating access token");
        assertThat(text(l, "k-190").status()).isEqualTo(OutboundStatus.BLOCKED_NOT_CONFIGURED);
        assertThat(api().get("/api/v1/settings/whatsapp", l.w().admin().accessToken())
                        .expect(200)
                        .json()
                        .path("number")
                        .path("tokenRejectedAt")
                        .isTextual())
                .isTrue();
        OutboundView after = text(l, "k-after-190");
        assertThat(after.status()).isEqualTo(OutboundStatus.BLOCKED_NOT_CONFIGURED);
        assertThat(after.reason()).contains("No working WHATSAPP provider");
    }

    boolean processedAll(Live l) {
        return db().sql("select count(*) from whatsapp_webhook_events where tenant_id = cast(? as uuid)"
                                + " and status = 'RECEIVED'")
                        .param(l.w().admin().tenantId())
                        .query(Long.class)
                        .single()
                == 0;
    }

    JsonNode message(Live l, String id) {
        for (JsonNode m : api().get(
                        "/api/v1/conversations/" + l.conversationId() + "/messages",
                        l.w().admin().accessToken())
                .expect(200)
                .json()
                .path("data")) {
            if (m.path("id").asText().equals(id)) {
                return m;
            }
        }
        throw new AssertionError("no message " + id);
    }

    JsonNode awaitMessage(Live l, String id, String status) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> message(l, id), m -> m.path("status").asText().equals(status));
    }
}
