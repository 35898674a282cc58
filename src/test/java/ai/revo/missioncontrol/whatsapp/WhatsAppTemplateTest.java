package ai.revo.missioncontrol.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Message templates against the Graph API stand-in: synced on demand, hourly and by the template status webhook;
 * only APPROVED ones go, counted against their placeholders; a campaign's re-engagement template replaces free text
 * outside the window; and Meta's errors that need a person alert (131048, 190, 132xxx with a re-sync).
 */
class WhatsAppTemplateTest extends WhatsAppIntegrationTest {

    @Autowired
    OutboundGateway gateway;

    /** A connected, live workspace on a business account of its own, and a person who wrote just now. */
    record Live(Workspace w, String waba, String waId, TenantId tenant) {}

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
        api().patch(
                        "/api/v1/settings/safety",
                        w.admin().accessToken(),
                        Map.of("dryRunMode", false, "channels", Map.of("WHATSAPP", true)))
                .expect(200);
        String waId = "1416555" + (System.nanoTime() % 9000 + 1000);
        deliverSigned(w, textMessage(w.phoneNumberId(), waId, "wamid.in-" + UUID.randomUUID(), "Hello"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> db().sql("select count(*) from whatsapp_senders where wa_id = ?")
                                .param(waId)
                                .query(Long.class)
                                .single()
                        == 1);
        return new Live(w, waba, waId, TenantId.of(w.admin().tenantId()));
    }

    static String template(String id, String name, String status, String components) {
        return "{\"name\":\"" + name + "\",\"parameter_format\":\"POSITIONAL\",\"components\":" + components
                + ",\"language\":\"en_US\",\"status\":\"" + status + "\",\"category\":\"MARKETING\",\"id\":\"" + id
                + "\"}";
    }

    static final String SPRING_SALE = template(
            "9001",
            "spring_sale",
            "APPROVED",
            "[{\"type\":\"HEADER\",\"format\":\"IMAGE\",\"example\":{\"header_handle\":[\"https://x\"]}},"
                    + "{\"type\":\"BODY\",\"text\":\"Hi {{1}}, our spring sale starts {{2}}.\",\"example\":{"
                    + "\"body_text\":[[\"Sheena\",\"Monday\"]]}},{\"type\":\"FOOTER\",\"text\":\"Reply STOP to opt"
                    + " out\"},{\"type\":\"BUTTONS\",\"buttons\":[{\"type\":\"QUICK_REPLY\",\"text\":\"Shop\"}]}]");
    static final String REENGAGE = template(
            "9002",
            "reengage_hello",
            "APPROVED",
            "[{\"type\":\"BODY\",\"text\":\"Hello {{1}}, may we pick up where we left off?\"}]");
    static final String PAUSED =
            template("9003", "paused_promo", "PAUSED", "[{\"type\":\"BODY\",\"text\":\"Promo for you\"}]");
    static final String HEADER = template(
            "9004",
            "header_promo",
            "APPROVED",
            "[{\"type\":\"HEADER\",\"format\":\"TEXT\",\"text\":\"For {{1}}\"},{\"type\":\"BODY\",\"text\":\"Hi\"}]");

    /** The account's templates over two pages, as Meta pages them (cursors and a next URL). */
    void stubTemplates(String waba, List<String> first, List<String> second) {
        String path = "/v21.0/" + waba + "/message_templates";
        GRAPH.stubFor(get(urlPathEqualTo(path))
                .atPriority(5)
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"data\":[" + String.join(",", first) + "],\"paging\":{\"cursors\":{\"before\":"
                                + "\"QVFI\",\"after\":\"QVFIz\"},\"next\":\"" + GRAPH.baseUrl() + path
                                + "?limit=100&after=QVFIz\"}}")));
        GRAPH.stubFor(get(urlPathEqualTo(path))
                .atPriority(1)
                .withQueryParam("after", equalTo("QVFIz"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"data\":[" + String.join(",", second) + "],\"paging\":{\"cursors\":{\"before\":"
                                + "\"QVFIz\",\"after\":\"QVFIy\"}}}")));
    }

    void accept(String phoneNumberId) {
        GRAPH.stubFor(post(urlPathEqualTo("/v21.0/" + phoneNumberId + "/messages"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"wamid.out-"
                                + UUID.randomUUID() + "\"}]}")));
    }

    JsonNode sync(Live l) {
        return api().post("/api/v1/whatsapp/templates/sync", l.w().admin().accessToken(), null)
                .expect(200)
                .json();
    }

    OutboundView sendTemplate(Live l, String name, List<String> parameters) {
        return gateway.submit(
                l.tenant(),
                new OutboundMessage(
                        Channel.WHATSAPP,
                        "+" + l.waId(),
                        null,
                        "Template " + name,
                        null,
                        null,
                        null,
                        "k-" + UUID.randomUUID(),
                        Actor.system(),
                        null,
                        new OutboundMessage.WhatsAppParts(name, "en_US", parameters)));
    }

    OutboundView sendText(Live l, String key, UUID campaignId) {
        return gateway.submit(
                l.tenant(),
                new OutboundMessage(
                        Channel.WHATSAPP,
                        "+" + l.waId(),
                        null,
                        "Thanks for writing",
                        campaignId,
                        null,
                        null,
                        key,
                        Actor.system()));
    }

    List<String> statuses(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.path("data")
                .forEach(t ->
                        out.add(t.path("name").asText() + "=" + t.path("status").asText()));
        return out;
    }

    @Test
    void syncedTemplatesAreCountedAndOnlyApprovedOnesGo() {
        Live l = live();
        accept(l.w().phoneNumberId());
        // before any sync, no template is known: refused before it reaches Meta
        OutboundView unknown = sendTemplate(l, "spring_sale", List.of("Sheena", "Monday"));
        assertThat(unknown.status()).isEqualTo(OutboundStatus.BLOCKED_TEMPLATE);
        assertThat(unknown.reason()).contains("not among the synced templates");

        stubTemplates(l.waba(), List.of(SPRING_SALE, REENGAGE), List.of(PAUSED, HEADER));
        JsonNode result = sync(l);
        assertThat(result.path("ok").asBoolean()).isTrue();
        assertThat(result.path("templates").asInt()).isEqualTo(4);
        assertThat(result.path("approved").asInt()).isEqualTo(3);
        GRAPH.verify(getRequestedFor(urlPathEqualTo("/v21.0/" + l.waba() + "/message_templates"))
                .withHeader("Authorization", equalTo("Bearer EAAG-token-" + l.w().phoneNumberId())));

        JsonNode all = api().get("/api/v1/whatsapp/templates", l.w().admin().accessToken())
                .expect(200)
                .json();
        assertThat(statuses(all))
                .containsExactly(
                        "header_promo=APPROVED",
                        "paused_promo=PAUSED",
                        "reengage_hello=APPROVED",
                        "spring_sale=APPROVED");
        assertThat(all.path("data").path(3).path("bodyParameters").asInt()).isEqualTo(2);
        assertThat(statuses(api().get(
                                "/api/v1/whatsapp/templates?status=APPROVED",
                                l.w().admin().accessToken())
                        .expect(200)
                        .json()))
                .containsExactly("reengage_hello=APPROVED", "spring_sale=APPROVED");

        assertThat(sendTemplate(l, "spring_sale", List.of("Sheena", "Monday")).status())
                .isEqualTo(OutboundStatus.SENT);
        OutboundView tooFew = sendTemplate(l, "spring_sale", List.of("Sheena"));
        assertThat(tooFew.status()).isEqualTo(OutboundStatus.BLOCKED_TEMPLATE);
        assertThat(tooFew.reason()).contains("takes 2 parameter(s), 1 given");
        OutboundView paused = sendTemplate(l, "paused_promo", List.of());
        assertThat(paused.status()).isEqualTo(OutboundStatus.BLOCKED_TEMPLATE);
        assertThat(paused.reason()).contains("PAUSED, not APPROVED");
        assertThat(sendTemplate(l, "header_promo", List.of()).status()).isEqualTo(OutboundStatus.BLOCKED_TEMPLATE);
        assertThat(GRAPH.findAll(postRequestedFor(urlPathEqualTo("/v21.0/" + l.w().phoneNumberId() + "/messages"))))
                .hasSize(1);

        // a template the account no longer lists is DELETED on the next sync
        stubTemplates(l.waba(), List.of(SPRING_SALE), List.of(PAUSED, HEADER));
        assertThat(sync(l).path("removed").asInt()).isEqualTo(1);
        assertThat(statuses(
                        api().get("/api/v1/whatsapp/templates", l.w().admin().accessToken())
                                .expect(200)
                                .json()))
                .contains("reengage_hello=DELETED");

        // an operator cannot sync (ADMIN only), but may read the templates
        var closer = api().addUser(l.w().admin(), "CLOSER");
        api().post("/api/v1/whatsapp/templates/sync", closer.accessToken(), null)
                .expectError(403, "FORBIDDEN");
        api().get("/api/v1/whatsapp/templates", closer.accessToken()).expect(200);
    }

    @Test
    void theTemplateStatusWebhookMovesATemplateAndAnUnknownOneResyncs() {
        Live l = live();
        accept(l.w().phoneNumberId());
        stubTemplates(l.waba(), List.of(SPRING_SALE), List.of());
        sync(l);
        String update = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"" + l.waba()
                + "\",\"time\":1674864290,\"changes\":[{\"value\":{\"event\":\"PAUSED\",\"message_template_id\":9001,"
                + "\"message_template_name\":\"spring_sale\",\"message_template_language\":\"en_US\",\"reason\":"
                + "\"LOW_QUALITY\"},\"field\":\"message_template_status_update\"}]}]}";
        assertThat(deliverSigned(l.w(), update).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> statuses(api().get(
                                        "/api/v1/whatsapp/templates",
                                        l.w().admin().accessToken())
                                .expect(200)
                                .json()),
                        s -> s.contains("spring_sale=PAUSED"));
        assertThat(sendTemplate(l, "spring_sale", List.of("Sheena", "Monday")).reason())
                .contains("PAUSED");
        // a webhook signed with another secret is refused and changes nothing
        byte[] raw = update.replace("PAUSED", "APPROVED").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(deliver(raw, signature("not-the-secret", raw)).statusCode()).isEqualTo(403);

        // a template Meta reports that was never synced: the templates are synced again
        int before = GRAPH.findAll(getRequestedFor(urlPathEqualTo("/v21.0/" + l.waba() + "/message_templates")))
                .size();
        stubTemplates(l.waba(), List.of(SPRING_SALE, REENGAGE), List.of());
        deliverSigned(
                l.w(),
                update.replace("spring_sale", "reengage_hello")
                        .replace("9001", "9002")
                        .replace("PAUSED", "APPROVED"));
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> statuses(api().get(
                                        "/api/v1/whatsapp/templates",
                                        l.w().admin().accessToken())
                                .expect(200)
                                .json()),
                        s -> s.contains("reengage_hello=APPROVED"));
        assertThat(GRAPH.findAll(getRequestedFor(urlPathEqualTo("/v21.0/" + l.waba() + "/message_templates"))))
                .hasSizeGreaterThan(before);
    }

    @Test
    void theHourlySyncReadsEveryConnectedAccount() {
        Live l = live();
        stubTemplates(l.waba(), List.of(REENGAGE), List.of());
        db().sql("update scheduled_tasks set execution_time = now() where task_name = 'whatsapp-template-sync-hourly'")
                .update();
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> statuses(api().get(
                                        "/api/v1/whatsapp/templates",
                                        l.w().admin().accessToken())
                                .expect(200)
                                .json()),
                        s -> s.contains("reengage_hello=APPROVED"));
    }

    @Test
    void freeTextOutsideTheWindowGoesAsTheCampaignsReengagementTemplate() {
        Live l = live();
        accept(l.w().phoneNumberId());
        stubTemplates(l.waba(), List.of(SPRING_SALE, REENGAGE), List.of());
        sync(l);
        UUID campaign = UUID.fromString(l.w().campaignId());
        db().sql("update whatsapp_senders set last_inbound_at = now() - interval '25 hours' where wa_id = ?")
                .param(l.waId())
                .update();
        assertThat(sendText(l, "k-" + UUID.randomUUID(), campaign).status())
                .isEqualTo(OutboundStatus.BLOCKED_OUTSIDE_WINDOW);

        String path = "/api/v1/campaigns/" + campaign + "/whatsapp";
        api().put(
                        path,
                        l.w().admin().accessToken(),
                        Map.of(
                                "reengagementTemplate",
                                Map.of("name", "reengage_hello", "language", "en_US", "parameters", List.of())))
                .expectError(400, "VALIDATION_ERROR");
        api().put(
                        path,
                        l.w().admin().accessToken(),
                        Map.of(
                                "reengagementTemplate",
                                Map.of("name", "no_such", "language", "en_US", "parameters", List.of("x"))))
                .expectError(400, "VALIDATION_ERROR");
        JsonNode set = api().put(
                        path,
                        l.w().admin().accessToken(),
                        Map.of(
                                "reengagementTemplate",
                                Map.of("name", "reengage_hello", "language", "en_US", "parameters", List.of("Sheena"))))
                .expect(200)
                .json();
        assertThat(set.path("reengagementTemplate").path("name").asText()).isEqualTo("reengage_hello");
        assertThat(api().get(path, l.w().admin().accessToken())
                        .expect(200)
                        .json()
                        .path("reengagementTemplate")
                        .path("parameters")
                        .path(0)
                        .asText())
                .isEqualTo("Sheena");

        OutboundView replaced = sendText(l, "k-" + UUID.randomUUID(), campaign);
        assertThat(replaced.status()).isEqualTo(OutboundStatus.SENT);
        GRAPH.verify(postRequestedFor(urlPathEqualTo("/v21.0/" + l.w().phoneNumberId() + "/messages"))
                .withRequestBody(matchingJsonPath("$.type", equalTo("template")))
                .withRequestBody(matchingJsonPath("$.template.name", equalTo("reengage_hello")))
                .withRequestBody(matchingJsonPath("$.template.components[0].parameters[0].text", equalTo("Sheena"))));
        // another campaign's free text (none set) is still refused
        assertThat(sendText(l, "k-" + UUID.randomUUID(), null).status())
                .isEqualTo(OutboundStatus.BLOCKED_OUTSIDE_WINDOW);
        // once the template is paused, the free text is refused again, saying why
        deliverSigned(
                l.w(),
                "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"" + l.waba() + "\",\"changes\":[{"
                        + "\"value\":{\"event\":\"PAUSED\",\"message_template_id\":9002,\"message_template_name\":"
                        + "\"reengage_hello\",\"message_template_language\":\"en_US\",\"reason\":null},"
                        + "\"field\":\"message_template_status_update\"}]}]}");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> sendText(l, "k-" + UUID.randomUUID(), campaign).reason(), r -> r.contains("PAUSED"));
        // operators read the setting but do not change it
        var closer = api().addUser(l.w().admin(), "CLOSER");
        api().get(path, closer.accessToken()).expect(200);
        api().put(path, closer.accessToken(), Map.of()).expectError(403, "FORBIDDEN");
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

    List<String> alerts(Live l) {
        List<String> out = new ArrayList<>();
        api().get("/api/v1/me/notifications", l.w().admin().accessToken())
                .expect(200)
                .json()
                .path("data")
                .forEach(n -> {
                    if (n.path("kind").asText().equals("WHATSAPP_ALERT")) {
                        out.add(n.path("facts").path("alert").asText());
                    }
                });
        return out;
    }

    @Test
    void metasErrorsThatNeedAPersonAlert() {
        Live l = live();
        String p = l.w().phoneNumberId();
        UUID campaign = UUID.fromString(l.w().campaignId());
        stubTemplates(l.waba(), List.of(SPRING_SALE), List.of());
        sync(l);

        // 132001: failed, not retried, the templates synced again, an alert
        int syncs = GRAPH.findAll(getRequestedFor(urlPathEqualTo("/v21.0/" + l.waba() + "/message_templates")))
                .size();
        refuse(p, 400, 132001, "Template name does not exist in the translation");
        OutboundView refused = sendTemplate(l, "spring_sale", List.of("Sheena", "Monday"));
        assertThat(refused.status()).isEqualTo(OutboundStatus.FAILED);
        assertThat(refused.reason()).contains("not retried");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> GRAPH.findAll(getRequestedFor(urlPathEqualTo("/v21.0/" + l.waba() + "/message_templates")))
                                .size()
                        > syncs);
        assertThat(GRAPH.findAll(postRequestedFor(urlPathEqualTo("/v21.0/" + p + "/messages"))
                        .withRequestBody(matchingJsonPath("$.to", equalTo(l.waId())))))
                .hasSize(1);

        // 131048: the campaign paused, an alert
        api().patch(
                        "/api/v1/campaigns/" + campaign + "/status",
                        l.w().admin().accessToken(),
                        Map.of("status", "ACTIVE"))
                .expect(200);
        assertThat(api().get("/api/v1/campaigns/" + campaign, l.w().admin().accessToken())
                        .expect(200)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("ACTIVE");
        refuse(p, 400, 131048, "Spam rate limit hit");
        assertThat(sendText(l, "k-131048", campaign).status()).isEqualTo(OutboundStatus.FAILED);
        assertThat(api().get("/api/v1/campaigns/" + campaign, l.w().admin().accessToken())
                        .expect(200)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("PAUSED");

        // 190: not configured from now on, an alert
        refuse(p, 401, 190, "Error validating access token");
        assertThat(sendText(l, "k-190", null).status()).isEqualTo(OutboundStatus.BLOCKED_NOT_CONFIGURED);
        assertThat(sendText(l, "k-after-190", null).status()).isEqualTo(OutboundStatus.BLOCKED_NOT_CONFIGURED);

        assertThat(alerts(l)).containsExactlyInAnyOrder("TEMPLATE_REFUSED", "SPAM_RATE", "TOKEN_REJECTED");
    }
}
