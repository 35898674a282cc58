package ai.revo.missioncontrol.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.support.Api;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Template blasts against the Graph API stand-in: each eligible NEW lead exactly once, at the number's rate. */
class WhatsAppBlastTest extends WhatsAppIntegrationTest {

    @Autowired
    WhatsAppBlasts blasts;

    record Live(Workspace w, String waba, TenantId tenant) {
        String token() {
            return w.admin().accessToken();
        }
    }

    Live live(int delayMs) {
        Workspace w = connected();
        String waba = String.valueOf(300_000_000_000L + NUMBERS.incrementAndGet());
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
        GRAPH.stubFor(get(urlPathEqualTo("/v21.0/" + waba + "/message_templates"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"data\":[{\"name\":\"spring_sale\",\"components\":[{\"type\":\"BODY\",\"text\":"
                                + "\"Hi {{1}}, the spring sale is on\"}],\"language\":\"en_US\",\"status\":"
                                + "\"APPROVED\",\"category\":\"MARKETING\",\"id\":\"501\"}]}")));
        api().post("/api/v1/whatsapp/templates/sync", w.admin().accessToken(), null)
                .expect(200);
        GRAPH.stubFor(post(urlPathEqualTo("/v21.0/" + w.phoneNumberId() + "/messages"))
                .willReturn(aResponse()
                        .withFixedDelay(delayMs)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"wamid.blast-{{randomValue"
                                        + " type='UUID'}}\"}]}")
                        .withTransformers("response-template")));
        api().patch(
                        "/api/v1/campaigns/" + w.campaignId() + "/status",
                        w.admin().accessToken(),
                        Map.of("status", "ACTIVE"))
                .expect(200);
        return new Live(w, waba, TenantId.of(w.admin().tenantId()));
    }

    String lead(Live l, String phone) {
        Map<String, Object> contact = new java.util.HashMap<>();
        contact.put("firstName", "Lead");
        contact.put("email", Api.uniqueEmail("blast"));
        if (phone != null) {
            contact.put("phone", phone);
        }
        return api().post("/api/v1/leads", l.token(), Map.of("campaignId", l.w().campaignId(), "contact", contact))
                .expect(201)
                .json()
                .path("id")
                .asText();
    }

    static String phone() {
        return "+1416" + (2_000_000 + (System.nanoTime() % 7_000_000));
    }

    List<String> phones(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String p;
            do {
                p = phone();
            } while (out.contains(p));
            out.add(p);
        }
        return out;
    }

    Api.Response blast(Live l) {
        return api().post(
                        "/api/v1/campaigns/" + l.w().campaignId() + "/blast",
                        l.token(),
                        Map.of("templateName", "spring_sale", "language", "en_US", "parameters", List.of("friend")));
    }

    List<LoggedRequest> sends(Live l) {
        return GRAPH.findAll(postRequestedFor(urlPathEqualTo("/v21.0/" + l.w().phoneNumberId() + "/messages")));
    }

    JsonNode progress(Live l, String blastId) {
        return api().get("/api/v1/blasts/" + blastId, l.token()).expect(200).json();
    }

    JsonNode awaitStatus(Live l, String blastId, String status) {
        return await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> progress(l, blastId),
                        p -> p.path("status").asText().equals(status));
    }

    static List<String> recipients(List<LoggedRequest> sends) {
        List<String> to = new ArrayList<>();
        for (LoggedRequest r : sends) {
            to.add(r.getBodyAsString().replaceAll(".*\"to\":\"([0-9]+)\".*", "$1"));
        }
        return to;
    }

    @Test
    void everyEligibleNewLeadGetsTheTemplateOnceEvenWhenTriggeredTwiceAtOnce() throws Exception {
        Live l = live(0);
        List<String> eligible = phones(5);
        eligible.forEach(p -> lead(l, p));
        lead(l, null); // no phone
        String dndPhone = phone();
        String dnd = lead(l, dndPhone);
        api().patch("/api/v1/leads/" + dnd, l.token(), Map.of("status", "DND")).expect(200);
        String suppressed = phone();
        lead(l, suppressed);
        api().post("/api/v1/suppressions", l.token(), Map.of("channel", "WHATSAPP", "address", suppressed))
                .expect(201);
        // not ACTIVE: refused; a template that is not synced: refused
        api().post(
                        "/api/v1/campaigns/" + l.w().campaignId() + "/blast",
                        l.token(),
                        Map.of("templateName", "spring_sale", "language", "en_US", "parameters", List.of()))
                .expectError(400, "VALIDATION_ERROR");

        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Api.Response>> triggers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            triggers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return blast(l);
            }));
        }
        go.countDown();
        List<Integer> codes = new ArrayList<>();
        String blastId = null;
        for (var t : triggers) {
            Api.Response r = t.get();
            codes.add(r.status());
            if (r.status() == 202) {
                blastId = r.json().path("blastId").asText();
                assertThat(r.json().path("queued").asInt()).isEqualTo(5);
            }
        }
        assertThat(codes).containsExactlyInAnyOrder(202, 409);

        JsonNode done = awaitStatus(l, blastId, "DONE");
        assertThat(done.path("sent").asInt()).isEqualTo(5);
        assertThat(done.path("queued").asInt()).isZero();
        List<String> to = recipients(sends(l));
        assertThat(to).hasSize(5);
        assertThat(new HashSet<>(to))
                .containsExactlyInAnyOrderElementsOf(
                        eligible.stream().map(p -> p.substring(1)).toList());

        // once more: nobody left to reach, nothing sent
        JsonNode again = blast(l).expect(202).json();
        assertThat(again.path("queued").asInt()).isZero();
        awaitStatus(l, again.path("blastId").asText(), "DONE");
        assertThat(sends(l)).hasSize(5);
        assertThat(api().get("/api/v1/campaigns/" + l.w().campaignId() + "/blasts", l.token())
                        .expect(200)
                        .json()
                        .path("data")
                        .size())
                .isEqualTo(2);

        // receipts move the progress on
        String wamid = db().sql("select o.provider_message_id from whatsapp_blast_recipients r join outbound_messages o"
                        + " on o.id = r.outbound_message_id where r.blast_id = cast(? as uuid) limit 1")
                .param(blastId)
                .query(String.class)
                .single();
        deliverSigned(
                l.w(),
                envelope(
                        l.w().phoneNumberId(),
                        "\"statuses\":[{\"id\":\"" + wamid + "\",\"status\":\"read\",\"timestamp\":\""
                                + (System.currentTimeMillis() / 1000) + "\",\"recipient_id\":\"1\"}]"));
        String id = blastId;
        await().atMost(Duration.ofSeconds(30))
                .until(() -> progress(l, id).path("read").asInt() == 1);
        assertThat(progress(l, id).path("delivered").asInt()).isEqualTo(1);
    }

    @Test
    void workingABlastTwiceAtOnceOrAfterACrashSendsEachLeadOnce() throws Exception {
        Live l = live(150);
        phones(8).forEach(p -> lead(l, p));
        String blastId = blast(l).expect(202).json().path("blastId").asText();
        // two more workers on the same blast while the scheduled one works it (a second node, a redelivered task)
        UUID id = UUID.fromString(blastId);
        var a = CompletableFuture.runAsync(() -> blasts.run(l.tenant(), id));
        var b = CompletableFuture.runAsync(() -> blasts.run(l.tenant(), id));
        a.get();
        b.get();
        awaitStatus(l, blastId, "DONE");
        assertThat(recipients(sends(l))).hasSize(8).doesNotHaveDuplicates();

        // a node that died after Meta accepted but before it recorded: the rows are SENDING again, the task rerun
        db().sql("update whatsapp_blast_recipients set status = 'SENDING' where blast_id = ?")
                .param(id)
                .update();
        db().sql("update whatsapp_blasts set status = 'RUNNING', finished_at = null where id = ?")
                .param(id)
                .update();
        blasts.run(l.tenant(), id);
        assertThat(progress(l, blastId).path("status").asText()).isEqualTo("DONE");
        assertThat(progress(l, blastId).path("sent").asInt()).isEqualTo(8);
        assertThat(sends(l)).hasSize(8);
    }

    @Test
    void pausingTheCampaignStopsTheBlastAndTriggeringAgainResumesIt() {
        Live l = live(250);
        phones(10).forEach(p -> lead(l, p));
        String blastId = blast(l).expect(202).json().path("blastId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> !sends(l).isEmpty());
        api().patch("/api/v1/campaigns/" + l.w().campaignId() + "/status", l.token(), Map.of("status", "PAUSED"))
                .expect(200);
        JsonNode paused = awaitStatus(l, blastId, "PAUSED");
        assertThat(paused.path("reason").asText()).contains("PAUSED");
        int sentWhilePausing = sends(l).size();
        assertThat(sentWhilePausing).isLessThan(10);
        assertThat(paused.path("queued").asInt()).isEqualTo(10 - sentWhilePausing);
        // a paused campaign cannot blast
        blast(l).expectError(409, "CONFLICT");

        api().patch("/api/v1/campaigns/" + l.w().campaignId() + "/status", l.token(), Map.of("status", "ACTIVE"))
                .expect(200);
        JsonNode resumed = blast(l).expect(202).json();
        assertThat(resumed.path("resumed").asBoolean()).isTrue();
        assertThat(resumed.path("blastId").asText()).isEqualTo(blastId);
        awaitStatus(l, blastId, "DONE");
        assertThat(recipients(sends(l))).hasSize(10).doesNotHaveDuplicates();
    }

    @Test
    void theNumbersRateHoldsTheBlastBack() {
        Live l = live(0);
        api().put("/api/v1/settings/whatsapp/blast-rate", l.token(), Map.of("perSecond", 1001))
                .expectError(400, "VALIDATION_ERROR");
        assertThat(api().put("/api/v1/settings/whatsapp/blast-rate", l.token(), Map.of("perSecond", 4))
                        .expect(200)
                        .json()
                        .path("perSecond")
                        .asInt())
                .isEqualTo(4);
        phones(9).forEach(p -> lead(l, p));
        String blastId = blast(l).expect(202).json().path("blastId").asText();
        awaitStatus(l, blastId, "DONE");
        List<LoggedRequest> sent = sends(l);
        assertThat(sent).hasSize(9);
        long first =
                sent.stream().mapToLong(r -> r.getLoggedDate().getTime()).min().orElseThrow();
        long last =
                sent.stream().mapToLong(r -> r.getLoggedDate().getTime()).max().orElseThrow();
        // 9 messages at 4 a second (a burst of 1): at least 8 refills of 250 ms apart
        assertThat(last - first).isGreaterThanOrEqualTo(1_900L);
    }
}
